@echo off
rem Bootstrapper for Windows: build.cmd <Target> [--options]. Same behaviour as build.sh.
setlocal
cd /d "%~dp0"
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
dotnet tool restore >nul || exit /b 1
dotnet build build\Sparkify.Pipeline -c Release -nologo -v quiet -clp:NoSummary || exit /b 1
rem The script cache is keyed on the script text only: clear it, the library may have changed.
if exist tools\cache rmdir /s /q tools\cache
rem build.sh runs the pipeline with DOTNET_TC_CallCountingDelayMs=0 (hot code optimised at once) only when Cake loads
rem build.cake compiled from its cache: compiling with it took twice the CPU (issue 29). This script clears the cache
rem on every run, so Cake always compiles, and the runtime's default is kept.
rem Run the pinned tool's Cake.dll in this process tree's only dotnet process, not through `dotnet tool run` (which
rem starts Cake as a child that outlives a kill of the launched process; issue 11).
set CAKE=%NUGET_PACKAGES%
if not defined CAKE set CAKE=%USERPROFILE%\.nuget\packages
set CAKE=dotnet "%CAKE%\cake.tool\7.0.0\tools\net10.0\any\Cake.dll"
if "%~1"=="" (
  echo Usage: build.cmd ^<Target^> [--profile=local^|aws] [--options]
  %CAKE% build.cake --description
  exit /b %ERRORLEVEL%
)
rem --help prints the pipeline's own help (targets and declared options), as build.sh does.
if "%~1"=="--help" (
  dotnet tool run dotnet-cake -- build.cake --pipeline-help
  exit /b %ERRORLEVEL%
)
if "%~2"=="--help" (
  dotnet tool run dotnet-cake -- build.cake --target=%~1 --pipeline-help
  exit /b %ERRORLEVEL%
)
set TARGET=%~1
shift
set ARGS=
:collect
if "%~1"=="" goto run
set ARGS=%ARGS% %1
shift
goto collect
:run
%CAKE% build.cake --target=%TARGET% %ARGS%
exit /b %ERRORLEVEL%

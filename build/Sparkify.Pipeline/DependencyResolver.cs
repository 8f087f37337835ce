using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Sparkify.Pipeline;

/// <summary>
/// Lets the library load inside Cake, which references the dll with #r and already ships older copies of some
/// dependencies (Microsoft.Extensions.Logging.Abstractions 8; Npgsql 10 needs 10). A dependency is probed beside
/// this dll; when the host's trusted set holds the same name at a lower version, the default context refuses
/// it, so it goes into a private context instead. Nothing of it crosses back into Cake's types.
/// Native libraries (SkiaSharp's, for the report's charts) sit under runtimes/RID/native/, which only an app's own
/// deps.json names; Cake's does not, so they are probed there too.
/// </summary>
internal static class DependencyResolver
{
    static readonly string BinDir = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!;
    static readonly AssemblyLoadContext Private = new("Sparkify.Pipeline.Private");
    static readonly object Gate = new();

#pragma warning disable CA2255 // a library module initializer is the point: it must run before Npgsql loads
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        AssemblyLoadContext.Default.Resolving += Resolve;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += ResolveNative;
        Private.ResolvingUnmanagedDll += ResolveNative;
    }

    static IntPtr ResolveNative(Assembly assembly, string name)
    {
        var arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var extension = OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        foreach (var rid in new[] { RuntimeInformation.RuntimeIdentifier, $"{os}-{arch}" }.Distinct())
        foreach (var file in new[] { name, name + extension, "lib" + name + extension })
        {
            var path = Path.Combine(BinDir, "runtimes", rid, "native", file);
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle)) return handle;
        }
        return IntPtr.Zero;
    }

    static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        var path = Path.Combine(BinDir, name.Name + ".dll");
        if (string.IsNullOrEmpty(BinDir) || !File.Exists(path)) return null;
        lock (Gate)
        {
            var loaded = Private.Assemblies.FirstOrDefault(a => a.GetName().Name == name.Name);
            if (loaded is not null) return loaded;
            try
            {
                return context.LoadFromAssemblyPath(path);
            }
            catch (FileLoadException)
            {
                return Private.LoadFromAssemblyPath(path);
            }
        }
    }
}

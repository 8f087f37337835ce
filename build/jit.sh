# The JIT of a pipeline run (issue 29), sourced by build.sh (every target's run) and bench/run.sh (the benchmark), so
# that benchmark figures are those users get. One home for the values.
# The runtime's default waits for a 100 ms quiet period before counting calls, which a load keeps postponing, so hot
# loader code ran unoptimised for much of a load; counting at once (DOTNET_TC_CallCountingDelayMs=0) fixed that but
# also re-compiled every method called 30 times, most of them start-up code that runs briefly: a no-op Etl took twice
# the CPU, and so did Cake's compile of build.cake. Counting at once with a threshold of 1,000 calls optimises only what
# is hot (scale 100, client CPU-s: no-op Etl 4.3 -> 2.3, StageCopy --force 8.1 -> 4.3). Set for runs only, never for
# the library's dotnet build; each value the caller set is kept.
jit_for_runs() {
  export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs-0}"
  export DOTNET_TC_CallCountThreshold="${DOTNET_TC_CallCountThreshold-1000}"
}

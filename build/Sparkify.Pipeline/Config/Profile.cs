namespace Sparkify.Pipeline.Config;

/// Where the pipeline runs: moto + a throwaway PostgreSQL on this machine, or real AWS and Redshift.
public enum Profile { Local, Aws }

public static class Profiles
{
    public static Profile Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "local" => Profile.Local,
        "aws" => Profile.Aws,
        _ => throw new PipelineException($"--profile={text} is not a profile; use --profile=local (the default) or --profile=aws"),
    };

    public static string Name(this Profile profile) => profile == Profile.Local ? "local" : "aws";
}

using System.Collections;

namespace Sparkify.Pipeline.Telemetry;

/// The GitHub Actions run a pipeline run belongs to, from the variables GitHub sets on its runners.
public static class GitHubRun
{
    /// https://github.com/OWNER/REPO/actions/runs/RUN_ID, or null outside GitHub Actions.
    public static string? Url(IDictionary environment)
    {
        string? Get(string name) => environment[name] as string is { Length: > 0 } value ? value : null;
        if (Get("GITHUB_ACTIONS") != "true" || Get("GITHUB_SERVER_URL") is not { } server || Get("GITHUB_REPOSITORY") is not { } repository ||
            Get("GITHUB_RUN_ID") is not { } id)
            return null;
        return $"{server.TrimEnd('/')}/{repository}/actions/runs/{id}";
    }
}

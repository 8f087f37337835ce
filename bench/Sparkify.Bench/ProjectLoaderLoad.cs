using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// (a) and (d): the project's client-side COPY loader, from the local directory and from the local S3.
public static class ProjectLoaderLoad
{
    /// Empty until the loader of branch load is merged (issue 4).
    public static IEnumerable<ILoadMethod> Both(SqlFiles sql, BenchServices services) => [];
}

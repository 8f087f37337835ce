namespace Sparkify.Pipeline.Aws.Serverless;

/// <summary>
/// Redshift Serverless waiters as data (botocore ships none for this service): the workgroup's and namespace's
/// statuses from the model's enums, and ResourceNotFoundException, the success of a deletion. Polled every 15 s.
/// </summary>
public static class ServerlessWaits
{
    public static WaitSpec WorkgroupAvailable(TimeSpan timeout) => new("AVAILABLE", WaitSpec.DefaultDelay, timeout,
        new Dictionary<string, WaitOutcome> { ["AVAILABLE"] = WaitOutcome.Success, ["DELETING"] = WaitOutcome.Failure });

    public static WaitSpec NamespaceAvailable(TimeSpan timeout) => WorkgroupAvailable(timeout);

    /// Gone is the success; a workgroup or namespace being created again while we wait is not ours to delete.
    public static WaitSpec Deleted(TimeSpan timeout) => new("deleted", WaitSpec.DefaultDelay, timeout,
        new Dictionary<string, WaitOutcome> { [RedshiftServerless.NotFound] = WaitOutcome.Success, ["CREATING"] = WaitOutcome.Failure });
}

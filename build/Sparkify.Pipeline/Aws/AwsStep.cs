using Amazon.Runtime;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// Runs one step of Provision, Teardown or Status and turns an AWS refusal or an unreachable service into a
/// PipelineException naming the step and the settings behind it. Expected codes are handled inside the step.
/// </summary>
public static class AwsStep
{
    public static async Task<T> RunAsync<T>(AwsContext aws, string step, string settings, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (AmazonServiceException e) when (e.InnerException is HttpRequestException network)
        {
            throw Unreachable(aws, step, network);
        }
        catch (AmazonServiceException e)
        {
            throw new PipelineException($"{step}: AWS refused it with {e.ErrorCode} ({e.Message}); check {settings}", e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(aws, step, e);
        }
        catch (AmazonClientException e) when (e.InnerException is HttpRequestException network)
        {
            throw Unreachable(aws, step, network);
        }
        catch (TimeoutException e)
        {
            // The SDK clients' own end to a call that got no answer within AwsContext.CallTimeout (after its retries).
            throw new PipelineException($"{step}: AWS did not answer within {aws.CallTimeout.TotalSeconds:0} s per attempt; check " +
                                        $"{aws.Origin} and that the service is up", e);
        }
    }

    public static Task RunAsync(AwsContext aws, string step, string settings, Func<Task> work) =>
        RunAsync(aws, step, settings, async () => { await work(); return true; });

    static PipelineException Unreachable(AwsContext aws, string step, HttpRequestException e) =>
        new($"{step}: could not reach AWS ({e.Message}); check {aws.Origin} and that the service is up", e);
}

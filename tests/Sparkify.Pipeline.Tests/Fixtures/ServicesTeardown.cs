namespace Sparkify.Pipeline.Tests;

/// Stops the shared PostgreSQL and moto servers once every test has run.
[SetUpFixture]
public sealed class ServicesTeardown
{
    [OneTimeTearDown]
    public async Task StopServers()
    {
        await PostgresFixture.StopAsync();
        await MotoFixture.StopAsync();
    }
}

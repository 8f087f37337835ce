using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// One real moto server for the whole test run, on a free port (never the local profile's 4566), started on first
/// use and stopped by <see cref="ServicesTeardown"/>. Tests that need a clean account call <see cref="ResetAsync"/>.
/// </summary>
public static class MotoFixture
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static TempDir? _dir;
    static LocalMoto? _server;
    static string? _endpoint;

    public static async Task<string> EndpointAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_endpoint is not null) return _endpoint;
            _dir = new TempDir("moto");
            _server = new LocalMoto(_dir.Path, Ports.Free(), new PipelineLog(TextWriter.Null));
            try
            {
                _endpoint = await _server.EnsureRunningAsync(CancellationToken.None);
            }
            catch (PipelineException e)
            {
                Assert.Fail($"MotoFixture could not start a real moto server: {e.Message}");
            }
            return _endpoint!;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// Forgets every resource moto holds (moto's documented reset endpoint).
    public static async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync($"{await EndpointAsync()}/moto-api/reset", null);
        response.EnsureSuccessStatusCode();
    }

    public static async Task StopAsync()
    {
        if (_server is not null) await _server.StopAsync(CancellationToken.None);
        _dir?.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;

namespace Sparkify.Pipeline.Local;

/// Loopback port checks for the local services.
public static class Ports
{
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromMilliseconds(500)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// A port nothing listens on now, for test fixtures (never the local profile's 4566/5439).
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsListening(port))
        {
            if (DateTime.UtcNow > deadline)
                throw new PipelineException($"{what} did not start listening on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s");
            await Task.Delay(20, ct);  // a refused connect returns at once: polling often costs nothing
        }
    }
}

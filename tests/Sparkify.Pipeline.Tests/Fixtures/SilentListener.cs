using System.Net;
using System.Net.Sockets;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// A TCP endpoint on loopback that accepts every connection and never sends a byte: an endpoint that never answers.
/// It counts the connections that reached it, so a test can also prove that nothing was sent at all.
/// </summary>
public sealed class SilentListener : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly List<TcpClient> _accepted = [];
    readonly CancellationTokenSource _stop = new();

    public SilentListener()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url => $"http://127.0.0.1:{Port}";

    public int Connections { get { lock (_accepted) return _accepted.Count; } }

    async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_accepted) _accepted.Add(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_accepted) foreach (var c in _accepted) c.Dispose();
    }
}

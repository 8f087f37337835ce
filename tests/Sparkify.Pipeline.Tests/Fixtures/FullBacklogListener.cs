using System.Net;
using System.Net.Sockets;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// A listening socket that never accepts, its accept queue filled: the kernel drops further connection attempts
/// (Linux drops a SYN when the listen backlog is full), so a client's connect hangs as on a blocked endpoint.
/// </summary>
public sealed class FullBacklogListener : IDisposable
{
    readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    readonly List<Socket> _queued = [];

    public FullBacklogListener()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.Listen(0);
        // Connect until one attempt no longer completes: from then on the backlog is full.
        for (var i = 0; i < 16; i++)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _queued.Add(client);
            if (!client.ConnectAsync(IPAddress.Loopback, Port).Wait(TimeSpan.FromMilliseconds(500))) return;
        }
        Assert.Fail($"the listen backlog on port {Port} never filled; this kernel accepts more than expected");
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public void Dispose()
    {
        foreach (var s in _queued) s.Dispose();
        _socket.Dispose();
    }
}

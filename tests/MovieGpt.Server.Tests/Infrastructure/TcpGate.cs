using System.Net;
using System.Net.Sockets;

namespace MovieGpt.Server.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder on loopback that a test can close and open again: closed, it refuses new connections and drops the
/// ones it carried, as a stopped database server would, without stopping the server the other tests share.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _carried = [];
    private TcpListener? _listener;

    private TcpGate(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        Port = Listen(0);
    }

    /// <summary>The loopback port that forwards to the target while the gate is open.</summary>
    public int Port { get; }

    public static TcpGate To(string host, int port) => new(host, port);

    /// <summary>Refuses new connections and drops every connection it carries.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
            foreach (var client in _carried)
            {
                if (client.Connected)
                {
                    client.Client.LingerState = new LingerOption(true, 0);   // a reset, as from a killed server
                }
                client.Dispose();
            }
            _carried.Clear();
        }
    }

    /// <summary>Listens on <see cref="Port"/> again.</summary>
    public void Open() => Listen(Port);

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private int Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        lock (_gate)
        {
            _listener = listener;
        }
        _ = AcceptAsync(listener);
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;   // closed
            }
            _ = ForwardAsync(inbound);
        }
    }

    private async Task ForwardAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        lock (_gate)
        {
            _carried.Add(inbound);
            _carried.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync(_targetHost, _targetPort);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream());
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream());
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Dropped by Close or by either end.
        }
        finally
        {
            lock (_gate)
            {
                _carried.Remove(inbound);
                _carried.Remove(outbound);
            }
            inbound.Dispose();
            outbound.Dispose();
        }
    }
}

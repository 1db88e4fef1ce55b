using System.Net;
using System.Net.Sockets;

namespace MovieGpt.LoadTest;

/// <summary>
/// An HttpClient whose connections leave from a chosen 127/8 address (any of them is this machine's on Linux), so the
/// server sees a client of its own: rate limits and the scoring queue's fair share are per address. A server named by
/// something other than an IPv4 address is reached from the default address.
/// </summary>
internal static class LoopbackClient
{
    public static HttpClient From(Uri url, IPAddress? local, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler();
        if (local is not null && IPAddress.TryParse(url.Host, out var host) && host.AddressFamily == AddressFamily.InterNetwork)
        {
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return new HttpClient(handler) { BaseAddress = new Uri(url, "/"), Timeout = timeout };
    }
}

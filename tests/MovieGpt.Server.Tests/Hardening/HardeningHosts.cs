using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Hardening;

/// <summary>What the hardening tests share: rate-limit settings, a real socket, clients from chosen addresses.</summary>
internal static class HardeningHosts
{
    /// <summary>Rate limits on, with small budgets a test can exhaust.</summary>
    public static Dictionary<string, string?> Limits(int writes = 100, int ai = 100) => new()
    {
        ["RateLimits:Enabled"] = "true",
        ["RateLimits:Writes:PermitLimit"] = writes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Writes:WindowSeconds"] = "60",
        ["RateLimits:Ai:PermitLimit"] = ai.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Ai:WindowSeconds"] = "60",
    };

    /// <summary>The app on a real Kestrel socket on loopback (the in-memory test server has no client address).</summary>
    public static Uri StartOnSocket(this MovieGptAppFactory app)
    {
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    /// <summary>A client whose connections come from <paramref name="local"/> (any 127.x.y.z on Linux loopback).</summary>
    public static HttpClient ClientFrom(Uri server, string local)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(local), 0));
                    await socket.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = server };
    }

    /// <summary>
    /// Signs a request in as the user named by its X-Test-User header, standing in for the accounts' authentication:
    /// the rate limits read only <c>HttpContext.User</c>.
    /// </summary>
    public static void SignInByHeader(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, TestUserFilter>();

    private sealed class TestUserFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers["X-Test-User"] is [{ Length: > 0 } user])
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], "Test"));
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

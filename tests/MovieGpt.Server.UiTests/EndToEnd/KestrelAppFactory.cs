using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>
/// The real app (Program.cs, the shipped model) on a real Kestrel socket on a free loopback port, over its own
/// SQLite file; configured the way an operator would, by settings only.
/// </summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="connectionString">The SQLite database.</param>
    /// <param name="port">0 for any free port; a fixed one to start the app again where a browser still points.</param>
    /// <param name="settings">More settings, e.g. a fake TMDB's (<c>Tmdb:*</c>).</param>
    public KestrelAppFactory(string connectionString, int port = 0, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    /// <summary>A loopback port that is free now, for an app that is stopped and started again on it.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Where the browser reaches the app, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress
    {
        get
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", _connectionString);
        // A stop does not wait for the browsers' open circuits: tests stop and start the app as a restart would.
        builder.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        // The journeys write faster than a person: no rate limits, as in every test fixture.
        builder.UseSetting("RateLimits:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

using MovieGpt.Server.Tests.Infrastructure;
using MovieGpt.Testing.Tmdb;

namespace MovieGpt.Server.Tests.Catalog;

/// <summary>
/// One database, a fake TMDB on loopback, and apps on that database configured as an operator would: with the v3 key
/// (<see cref="Client"/>), the v4 token, a key TMDB refuses, impatient timeouts, and no key at all (<see cref="NoKey"/>).
/// </summary>
public abstract class CatalogFixture(ServerFixture server) : IAsyncLifetime
{
    private readonly Dictionary<string, (MovieGptAppFactory App, HttpClient Client)> _apps = [];

    public ServerFixture Server => server;

    public FakeTmdb Tmdb { get; private set; } = null!;

    /// <summary>The app with the v3 key.</summary>
    public HttpClient Client => App("v3", Tmdb.Settings());

    /// <summary>The app with the v4 read access token.</summary>
    public HttpClient Bearer => App("v4", Tmdb.Settings(bearer: true));

    public HttpClient BadKey => App("bad", Tmdb.Settings(key: "ffffffffffffffffffffffffffffffff"));

    /// <summary>The app with half-second attempts, for the slow answers.</summary>
    public HttpClient Impatient => App("impatient", Tmdb.Settings(impatient: true));

    /// <summary>The app without Tmdb:ApiKey.</summary>
    public HttpClient NoKey => server.Client;

    public async Task InitializeAsync()
    {
        await server.InitializeAsync();
        Tmdb = await FakeTmdb.StartAsync();
    }

    private HttpClient App(string name, IReadOnlyDictionary<string, string?> settings)
    {
        if (!_apps.TryGetValue(name, out var app))
        {
            var factory = server.CreateVariant(_ => { }, settings);
            app = (factory, factory.CreateClient());
            _apps[name] = app;
        }
        return app.Client;
    }

    public async Task DisposeAsync()
    {
        foreach (var (app, client) in _apps.Values)
        {
            client.Dispose();
            await app.DisposeAsync();
        }
        await Tmdb.DisposeAsync();
        await server.DisposeAsync();
    }
}

public sealed class SqliteCatalogFixture() : CatalogFixture(new SqliteServerFixture());

public sealed class PostgresCatalogFixture() : CatalogFixture(new PostgresServerFixture());

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Tests.Infrastructure;

/// <summary>One running app over one fresh database, shared by the tests of one class.</summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private MovieGptAppFactory? _factory;

    public abstract string Provider { get; }

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    /// <summary>The connection string of the fixture's database.</summary>
    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The fixture has not started.");

    private MovieGptAppFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    /// <summary>Settings the fixture's app gets on top of its database's (none by default).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>A client of the fixture's app with its own cookies and headers.</summary>
    public HttpClient CreateClient() => Factory.CreateClient();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        if (_database is null)
        {
            return;
        }
        var settings = new Dictionary<string, string?>(_database.Settings);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        _factory = new MovieGptAppFactory(settings);
        Client = _factory.CreateClient();
    }

    /// <summary>A second app on the same database, with some services replaced (for failure injection) and settings added.</summary>
    public MovieGptAppFactory CreateVariant(Action<IServiceCollection> configureServices, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = _database?.Settings ?? throw new InvalidOperationException("The fixture has not started.");
        var merged = new Dictionary<string, string?>(database);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }
        return new(merged, configureServices);
    }

    /// <summary>Runs raw SQL on the app's own database connection and returns the first column of the first row.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var command = await CommandAsync(scope, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Runs raw SQL on the app's own database connection and returns the first value as text.</summary>
    public async Task<string?> TextAsync(string sql)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var command = await CommandAsync(scope, sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs raw SQL on the app's own database connection and returns the affected row count.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var command = await CommandAsync(scope, sql);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static async Task<DbCommand> CommandAsync(AsyncServiceScope scope, string sql)
    {
        var connection = scope.ServiceProvider.GetRequiredService<MovieGptDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}

public sealed class SqliteServerFixture : ServerFixture
{
    public override string Provider => "Sqlite";

    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(new SqliteTestDatabase());
}

public sealed class PostgresServerFixture : ServerFixture
{
    public override string Provider => "Postgres";

    // xunit builds the fixture even for a class whose tests were skipped or failed at discovery: it then stays idle.
    protected override async Task<TestDatabase?> CreateDatabaseAsync() =>
        Requirement.Postgres.IsMet ? await PostgresTestDatabase.CreateAsync() : null;
}

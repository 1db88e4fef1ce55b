using Microsoft.AspNetCore.Hosting;
using MovieGpt.Server.Extensions;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests;

/// <summary>How the app starts: its defaults, and the configurations that must stop it with a clear message.</summary>
public sealed class StartupTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "moviegpt-tests", Guid.NewGuid().ToString("N"));

    private Dictionary<string, string?> SqliteSettings => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "app.db")}",
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task WithNoDatabaseSettingsTheAppCreatesASqliteFileInTheDataFolderOfItsContentRoot()
    {
        Directory.CreateDirectory(_folder);
        await using var factory = new MovieGptAppFactory(new Dictionary<string, string?> { [WebHostDefaults.ContentRootKey] = _folder });
        using var client = factory.CreateClient();

        await client.CreateMovieAsync("첫 실행");

        Assert.True(File.Exists(Path.Combine(_folder, "data", "moviegpt.db")));
    }

    [Fact]
    public async Task AMissingModelFolderStopsStartUpWithTheLoadersMessage()
    {
        var missing = Path.Combine(_folder, "no-such-model");
        await using var factory = new MovieGptAppFactory(new Dictionary<string, string?>(SqliteSettings) { ["Sentiment:ModelPath"] = missing });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"Model folder '{missing}' does not exist.", Messages(error));
    }

    [Fact]
    public async Task ACorruptModelStopsStartUpNamingTheFile()
    {
        var model = Path.Combine(_folder, "corrupt-model");
        Directory.CreateDirectory(model);
        await File.WriteAllTextAsync(Path.Combine(model, "manifest.json"), "{ this is not json");
        await using var factory = new MovieGptAppFactory(new Dictionary<string, string?>(SqliteSettings) { ["Sentiment:ModelPath"] = model });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("manifest.json", Messages(error));
    }

    [Fact]
    public async Task AnUnknownDatabaseProviderStopsStartUp()
    {
        await using var factory = new MovieGptAppFactory(new Dictionary<string, string?>(SqliteSettings) { ["Database:Provider"] = "Oracle" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Database:Provider", Messages(error));
    }

    [Fact]
    public async Task PostgresWithoutAConnectionStringStopsStartUp()
    {
        await using var factory = new MovieGptAppFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = "",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Database:ConnectionString", Messages(error));
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" | ", messages);
    }
}

/// <summary>SQLite settings the service relies on under concurrent writers.</summary>
public sealed class SqliteConnectionTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task TheDatabaseRunsInWriteAheadLogMode() =>
        Assert.Equal("wal", await server.TextAsync("PRAGMA journal_mode"));

    [Fact]
    public async Task ForeignKeysAreEnforcedOnTheAppsConnections() =>
        Assert.Equal("1", await server.TextAsync("PRAGMA foreign_keys"));
}

/// <summary>The PostgreSQL connection string the service builds from the configured one.</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void AutomaticPreparationIsTurnedOnByDefault()
    {
        var built = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseExtensions.PostgresConnectionString("Host=db;Username=u;Password=p"));

        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("db", built.Host);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;NoResetOnClose=false")]
    public void AnExplicitResetIsKept(string configured) =>
        Assert.False(new Npgsql.NpgsqlConnectionStringBuilder(DatabaseExtensions.PostgresConnectionString(configured)).NoResetOnClose);

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=0")]
    [InlineData("Host=db;max auto prepare=0")]
    public void AnExplicitSettingIsKept(string configured) =>
        Assert.Equal(0, new Npgsql.NpgsqlConnectionStringBuilder(DatabaseExtensions.PostgresConnectionString(configured)).MaxAutoPrepare);

    [Fact]
    public void TheReadsPlanEveryStatementWaitAsLongAsEfAndKeepTheOtherDefaults()
    {
        var built = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseExtensions.PostgresReadConnectionString("Host=db;Username=u;Password=p", 45));

        Assert.Equal("-c plan_cache_mode=force_custom_plan", built.Options);
        Assert.Equal(45, built.CommandTimeout);
        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
    }

    [Fact]
    public void TheReadsKeepConfiguredOptions() =>
        Assert.Equal("-c statement_timeout=5000 -c plan_cache_mode=force_custom_plan", new Npgsql.NpgsqlConnectionStringBuilder(
            DatabaseExtensions.PostgresReadConnectionString("Host=db;Options=-c statement_timeout=5000", 30)).Options);
}

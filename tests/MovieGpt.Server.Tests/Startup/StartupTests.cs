using Microsoft.AspNetCore.Hosting;
using MovieGpt.Server.Extensions;
using MovieGpt.Server.Tests.Infrastructure;
using MovieGpt.Server.Data.Postgres;

namespace MovieGpt.Server.Tests.Startup;

/// <summary>How the app starts: its defaults, and the configurations that must stop it with a clear message.</summary>
public sealed class StartupTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "moviegpt-tests", Guid.NewGuid().ToString("N"));

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

        var exit = await StartAsync(new() { ["Sentiment__ModelPath"] = missing });

        AssertStoppedWith($"Model folder '{missing}' does not exist.", exit);
    }

    [Fact]
    public async Task ACorruptModelStopsStartUpNamingTheFile()
    {
        var model = Path.Combine(_folder, "corrupt-model");
        Directory.CreateDirectory(model);
        await File.WriteAllTextAsync(Path.Combine(model, "manifest.json"), "{ this is not json");

        var exit = await StartAsync(new() { ["Sentiment__ModelPath"] = model });

        AssertStoppedWith("manifest.json", exit);
    }

    [Fact]
    public async Task AModelFileThatDoesNotMatchItsManifestStopsStartUpNamingTheFile()
    {
        var model = Path.Combine(_folder, "damaged-model");
        Directory.CreateDirectory(model);
        foreach (var file in Directory.GetFiles(MovieGpt.Sentiment.SentimentOptions.DefaultModelPath))
        {
            File.Copy(file, Path.Combine(model, Path.GetFileName(file)));
        }
        var onnx = Path.Combine(model, MovieGpt.Sentiment.Onnx.ModelManifest.Read(model).ModelFile);
        using (var stream = new FileStream(onnx, FileMode.Open, FileAccess.Write))
        {
            stream.Position = stream.Length / 2;
            stream.Write(new byte[4096]);
        }

        var exit = await StartAsync(new() { ["Sentiment__ModelPath"] = model });

        AssertStoppedWith($"{onnx} does not match manifest.json", exit);
    }

    [Fact]
    public async Task AnUnknownDatabaseProviderStopsStartUpNamingTheChoices() =>
        AssertStoppedWith("Database:Provider is 'Oracle'; it must be Sqlite or Postgres.", await StartAsync(new() { ["Database__Provider"] = "Oracle" }));

    [Fact]
    public async Task PostgresWithoutAConnectionStringStopsStartUp() =>
        AssertStoppedWith("Database:ConnectionString is empty", await StartAsync(new()
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = "",
        }));

    [Fact]
    public async Task AConnectionStringWithAnUnknownKeywordStopsStartUpNamingIt() =>
        AssertStoppedWith("Database:ConnectionString cannot be read", await StartAsync(new() { ["Database__ConnectionString"] = "Data Sorce=app.db" }));

    [Theory]
    [InlineData("Database__CommandTimeoutSeconds", "'Database:CommandTimeoutSeconds'")] // read to register the provider
    [InlineData("ConsoleLog__FlushMilliseconds", "'ConsoleLog:FlushMilliseconds'")] // read to set up the log
    [InlineData("Sentiment__NeutralThreshold", "'Sentiment:NeutralThreshold'")] // bound when the host starts
    public async Task ASettingThatIsNotANumberStopsStartUpNamingIt(string variable, string named) =>
        AssertStoppedWith($"Failed to convert configuration value 'soon' at {named}", await StartAsync(new() { [variable] = "soon" }));

    [Theory]
    [InlineData("Tmdb__BaseUrl", "not a url", "Tmdb:BaseUrl must be an absolute http or https URL")]
    [InlineData("Tmdb__TotalTimeoutSeconds", "1", "Tmdb:TotalTimeoutSeconds must be longer than Tmdb:AttemptTimeoutSeconds")]
    public async Task ABadTmdbSettingStopsStartUpNamingIt(string variable, string value, string expected) =>
        AssertStoppedWith(expected, await StartAsync(new() { [variable] = value }));

    [Fact]
    public async Task ASettingOutOfItsRangeStopsStartUpNamingIt() =>
        AssertStoppedWith("FlushMilliseconds", await StartAsync(new() { ["ConsoleLog__FlushMilliseconds"] = "0" }));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task APostgresServerThatDoesNotAnswerStopsStartUpWithTheReasonAfterStartupRetrySeconds(int retrySeconds)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var exit = await StartAsync(new()
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=postgres;Password=secret-word;Timeout=5",
            ["Database__StartupRetrySeconds"] = retrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        AssertStoppedWith("The database cannot be opened and migrated: Failed to connect to 127.0.0.1:1", exit);
        Assert.DoesNotContain("secret-word", exit.Error, StringComparison.Ordinal);
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(retrySeconds), $"gave up after {started.Elapsed}");
    }

    [Fact]
    public async Task ASqliteFileThatCannotBeOpenedStopsStartUpNamingIt()
    {
        // A folder where the database file should be: SQLite cannot open it as a file.
        var path = Path.Combine(_folder, "taken.db");
        Directory.CreateDirectory(path);

        AssertStoppedWith($"SQLite cannot open {path}", await StartAsync(new() { ["Database__ConnectionString"] = $"Data Source={path}" }));
    }

    [Fact]
    public async Task APortAlreadyInUseStopsStartUpNamingTheAddress()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        AssertStoppedWith($"Failed to bind to address {url}: address already in use.", await StartAsync([], url));
    }

    // The app as an operator runs it, on a SQLite file of this test unless a setting says otherwise.
    private Task<ServerExit> StartAsync(Dictionary<string, string> settings, string url = "http://127.0.0.1:0")
    {
        Directory.CreateDirectory(_folder);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_folder, "app.db")}",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        return ServerProcess.RunUntilExitAsync(_folder, environment, url);
    }

    // One line on standard error and exit code 1: a message for the operator, not a stack trace.
    private static void AssertStoppedWith(string expected, ServerExit exit)
    {
        Assert.Equal(StartupErrors.ExitFailure, exit.ExitCode);
        var line = Assert.Single(exit.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("MovieGpt.Server cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", exit.Output + exit.Error, StringComparison.Ordinal);
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
    public void ResetOnCloseIsTurnedOffAndAutomaticPreparationLeftOffByDefault()
    {
        var built = new Npgsql.NpgsqlConnectionStringBuilder(PostgresRegistration.ConnectionString("Host=db;Username=u;Password=p"));

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("db", built.Host);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;NoResetOnClose=false")]
    public void AnExplicitResetIsKept(string configured) =>
        Assert.False(new Npgsql.NpgsqlConnectionStringBuilder(PostgresRegistration.ConnectionString(configured)).NoResetOnClose);

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=64")]
    [InlineData("Host=db;MaxAutoPrepare=64")]
    [InlineData("Host=db;max auto prepare=64")]
    public void AnExplicitSettingIsKept(string configured) =>
        Assert.Equal(64, new Npgsql.NpgsqlConnectionStringBuilder(PostgresRegistration.ConnectionString(configured)).MaxAutoPrepare);

    [Fact]
    public void TheReadsPlanEveryStatementWaitAsLongAsEfAndKeepTheOtherDefaults()
    {
        var built = new Npgsql.NpgsqlConnectionStringBuilder(PostgresRegistration.ReadConnectionString("Host=db;Username=u;Password=p", 45));

        Assert.Equal("-c plan_cache_mode=force_custom_plan", built.Options);
        Assert.Equal(45, built.CommandTimeout);
        Assert.True(built.NoResetOnClose);
    }

    [Fact]
    public void TheReadsKeepConfiguredOptions() =>
        Assert.Equal("-c statement_timeout=5000 -c plan_cache_mode=force_custom_plan", new Npgsql.NpgsqlConnectionStringBuilder(
            PostgresRegistration.ReadConnectionString("Host=db;Options=-c statement_timeout=5000", 30)).Options);
}

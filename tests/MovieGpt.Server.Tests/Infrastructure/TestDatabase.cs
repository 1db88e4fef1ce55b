using Microsoft.Data.Sqlite;
using Npgsql;

namespace MovieGpt.Server.Tests.Infrastructure;

/// <summary>A fresh, empty database for one fixture, and the settings that point the app at it.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider,
        ["Database:ConnectionString"] = ConnectionString,
    };

    public abstract ValueTask DisposeAsync();
}

/// <summary>A SQLite file in a folder of its own under the temp directory, removed afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "moviegpt-tests", Guid.NewGuid().ToString("N"));

    public override string Provider => "Sqlite";

    // The app creates the folder itself on start-up, as it does for its default data/ folder.
    public override string ConnectionString => $"Data Source={Path.Combine(_folder, "moviegpt.db")}";

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>A database of its own on the server named by MOVIEGPT_TEST_POSTGRES, dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _adminConnectionString;
    private readonly string _name = $"moviegpt_test_{Guid.NewGuid():N}";

    private PostgresTestDatabase(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    public override string Provider => "Postgres";

    // A bounded pool: fixtures run side by side, and together they must stay under the server's max_connections
    // (100 by default) even while one of them sends 100 concurrent requests.
    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _name, MaxPoolSize = 20 }.ConnectionString;

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = PostgresSettings.ConnectionString
            ?? throw new InvalidOperationException(
                $"{PostgresSettings.RequireVariable}=1 but {PostgresSettings.ConnectionVariable} is not set: the PostgreSQL tests cannot run.");
        var database = new PostgresTestDatabase(server);
        await database.ExecuteAsAdminAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsAdminAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsAdminAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Whether the PostgreSQL half of the suite runs: it is skipped only when no server is named and
/// MOVIEGPT_REQUIRE_POSTGRES is not "1"; with the flag set, a missing or unreachable server fails the tests.
/// </summary>
public static class PostgresSettings
{
    public const string ConnectionVariable = "MOVIEGPT_TEST_POSTGRES";
    public const string RequireVariable = "MOVIEGPT_REQUIRE_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string? SkipReason => ConnectionString is null && !Required
        ? $"PostgreSQL tests need {ConnectionVariable} (a connection string to a server whose user may create databases)."
        : null;
}

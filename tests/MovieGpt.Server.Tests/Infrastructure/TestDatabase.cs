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
        var server = Requirement.Postgres.ConnectionString
            ?? throw new InvalidOperationException($"{PostgresRequirement.ConnectionVariable} is not set.");
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

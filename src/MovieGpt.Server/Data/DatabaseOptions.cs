using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The "Database" configuration section; environment variables such as Database__Provider override it.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means a SQLite file at data/moviegpt.db under the content root, created on first run.</summary>
    public string? ConnectionString { get; set; }

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>How long start-up waits for a database that cannot be reached (refused, starting up) before it gives up.</summary>
    [Range(0, 3600)]
    public int StartupRetrySeconds { get; set; } = 30;

    /// <summary>SQLite: how often the write-ahead log is copied back into the database file (see SqliteCheckpointer).</summary>
    [Range(10, 60_000)]
    public int SqliteCheckpointMilliseconds { get; set; } = 1000;

    /// <summary>PostgreSQL: how many batches of reads may be in flight at once, each on a connection of its own.</summary>
    [Range(1, 64)]
    public int PostgresReadBatches { get; set; } = 2;

    /// <summary>
    /// The Linux nice value of the review writer's thread, which every POST waits for (0 = as the rest).
    /// Below 0 it needs the right to raise priorities; without it the writer runs at 0 and says so in the log.
    /// </summary>
    [Range(-20, 0)]
    public int ReviewWriterNice { get; set; } = -10;
}

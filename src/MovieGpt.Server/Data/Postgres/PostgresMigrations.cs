using Npgsql;

namespace MovieGpt.Server.Data.Postgres;

/// <summary>
/// Runs the start-up work on the database (the migrations, then the back-fills that follow them) one instance at a
/// time. Two instances started together on an empty database otherwise both see no migration applied and run the same
/// ones side by side (one fails on an index the other just dropped): EF Core's own lock is taken only once the history
/// table exists. A session advisory lock, held on a connection of its own while the work runs on others, makes the
/// later instance wait and then find nothing left to do.
/// </summary>
public static class PostgresMigrations
{
    /// <summary>The advisory lock's key: any fixed number no other code of this database uses.</summary>
    public const long LockKey = 0x4D6F766965477074;   // "MovieGpt"

    public static async Task<T> ExclusivelyAsync<T>(NpgsqlDataSource dataSource, Func<Task<T>> work, CancellationToken ct = default)
    {
        await using var holder = await dataSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", holder))
        {
            take.Parameters.AddWithValue("key", LockKey);
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            return await work();
        }
        finally
        {
            await ReleaseAsync(holder);
        }
    }

    // Pooled connections are not reset on close (PostgresRegistration), so the lock is let go here, not left to the pool.
    private static async Task ReleaseAsync(NpgsqlConnection holder)
    {
        try
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", holder);
            release.Parameters.AddWithValue("key", LockKey);
            await release.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection broke: its session, and the lock with it, are gone.
        }
    }
}

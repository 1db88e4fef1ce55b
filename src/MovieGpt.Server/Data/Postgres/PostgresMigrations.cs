using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MovieGpt.Server.Data.Postgres;

/// <summary>
/// Applies the migrations on PostgreSQL one instance at a time. Two instances started together on an empty database
/// otherwise both see no migration applied and run the same ones side by side (one fails on an index the other just
/// dropped): EF Core's own lock is taken only once the history table exists. A session advisory lock, held on a
/// connection of its own while EF migrates on another, makes the later instance wait and then find nothing to apply.
/// </summary>
public static class PostgresMigrations
{
    /// <summary>The advisory lock's key: any fixed number no other code of this database uses.</summary>
    public const long LockKey = 0x4D6F766965477074;   // "MovieGpt"

    public static async Task MigratePostgresAsync(this MovieGptDbContext db, NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var holder = await dataSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", holder))
        {
            take.Parameters.AddWithValue("key", LockKey);
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await db.Database.MigrateAsync(ct);
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

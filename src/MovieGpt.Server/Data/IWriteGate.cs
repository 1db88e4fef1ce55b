namespace MovieGpt.Server.Data;

/// <summary>
/// Runs a write of several EF statements in one transaction as the only writer of this process where the database
/// needs that: on SQLite the write gate is held across the statements (<see cref="Sqlite.SqliteWriteGate"/>; taken per
/// SaveChanges, another writer would wait on SQLite's lock while holding the gate this transaction needs next); on
/// PostgreSQL nothing is held (row locks do it).
/// </summary>
public interface IWriteGate
{
    Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct);
}

/// <summary>The PostgreSQL side of <see cref="IWriteGate"/>: runs the write as it is.</summary>
public sealed class NoWriteGate : IWriteGate
{
    public Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct) => write();
}

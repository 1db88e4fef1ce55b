using System.Data.Common;
using System.Threading.Channels;
using Npgsql;

namespace MovieGpt.Server.Data.Postgres;

/// <summary>
/// Sends the reads of concurrent requests to PostgreSQL together: a few loops each take every read queued so far and
/// send them as one <see cref="NpgsqlBatch"/>, one round trip on one connection, so PostgreSQL wakes once per batch
/// instead of once per read, and fewer of its backends take turns on the cores. A read that fails is retried alone, so
/// it fails alone. The rows are read by the loop; each request resumes on the thread pool. The batcher owns its
/// connections' data source.
/// </summary>
public sealed class PostgresReadBatcher : IAsyncDisposable
{
    // Enough for a read from every client of a busy minute; a batch's answer still fits a few network reads.
    private const int MaxBatch = 64;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<Read> _queue = Channel.CreateUnbounded<Read>();
    private readonly Task[] _loops;

    public PostgresReadBatcher(string connectionString, int loops)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(loops, 1);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _loops = [.. Enumerable.Range(0, loops).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>
    /// The rows of one statement with integer or text parameters, bound by name; <paramref name="shape"/> is handed the result
    /// and answers how to read each of its rows. <paramref name="ct"/> is checked before the read is queued; once queued it
    /// goes with its batch.
    /// </summary>
    public Task<List<T>> QueryAsync<T>(
        string sql, IReadOnlyList<(string Name, object Value)> parameters, Func<DbDataReader, Func<DbDataReader, T>> shape, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var read = new Read<T>(sql, parameters, shape);
        if (!_queue.Writer.TryWrite(read))
        {
            throw new ObjectDisposedException(nameof(PostgresReadBatcher));
        }
        return read.Rows.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
        await _dataSource.DisposeAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<Read>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            if (batch.Count > 0)
            {
                await ExecuteAsync(batch);
            }
        }
    }

    private async Task ExecuteAsync(IReadOnlyList<Read> reads)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync();
            await using var batch = new NpgsqlBatch(connection);
            foreach (var read in reads)
            {
                batch.BatchCommands.Add(read.Command());
            }
            // Prepared explicitly: a statement prepared once stays prepared on its pooled connection, so PostgreSQL
            // parses and plans each of the few statement shapes once per connection (automatic preparation is off).
            await batch.PrepareAsync();
            await using var reader = await batch.ExecuteReaderAsync();
            for (var i = 0; i < reads.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync();
                }
                await reads[i].ReadRowsAsync(reader);
            }
        }
        catch (Exception) when (reads.Count > 1)
        {
            // PostgreSQL skips the rest of a batch after an error: those still waiting go again, each alone.
            foreach (var read in reads.Where(r => !r.IsDone))
            {
                await ExecuteAsync([read]);
            }
        }
        catch (Exception e)
        {
            reads[0].Fail(e);
        }
    }

    private abstract class Read
    {
        public abstract bool IsDone { get; }

        public abstract NpgsqlBatchCommand Command();

        public abstract Task ReadRowsAsync(NpgsqlDataReader reader);

        public abstract void Fail(Exception error);
    }

    private sealed class Read<T>(string sql, IReadOnlyList<(string Name, object Value)> parameters, Func<DbDataReader, Func<DbDataReader, T>> shape) : Read
    {
        public TaskCompletionSource<List<T>> Rows { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool IsDone => Rows.Task.IsCompleted;

        public override NpgsqlBatchCommand Command()
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, value) in parameters)
            {
                // Typed, so that the statement's parameter types never depend on inference.
                command.Parameters.Add(value switch
                {
                    int number => new NpgsqlParameter<int>(name, number),
                    string text => new NpgsqlParameter<string>(name, text),
                    _ => throw new ArgumentException($"Parameter {name} is neither an integer nor text.", nameof(parameters)),
                });
            }
            return command;
        }

        public override async Task ReadRowsAsync(NpgsqlDataReader reader)
        {
            var row = shape(reader);
            var rows = new List<T>();
            while (await reader.ReadAsync())
            {
                rows.Add(row(reader));
            }
            Rows.TrySetResult(rows);
        }

        public override void Fail(Exception error) => Rows.TrySetException(error);
    }
}

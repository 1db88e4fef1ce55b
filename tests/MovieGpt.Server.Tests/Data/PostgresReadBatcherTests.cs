using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Services;
using MovieGpt.Server.Tests.Infrastructure;
using Npgsql;
using MovieGpt.Server.Data.Postgres;

namespace MovieGpt.Server.Tests.Data;

/// <summary>Reads queued together go to PostgreSQL as one batch, and each still gets its own answer or its own error.</summary>
[RequiresPostgres]
public sealed class PostgresReadBatcherTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    private static string ServerConnectionString => Requirement.Postgres.ConnectionString
        ?? throw new InvalidOperationException($"{PostgresRequirement.ConnectionVariable} is not set.");

    [RequirementFact]
    public async Task ConcurrentReadsEachGetTheirOwnRows()
    {
        await using var batcher = new PostgresReadBatcher(ServerConnectionString, loops: 2);

        var reads = Enumerable.Range(0, 200)
            .Select(n => batcher.QueryAsync("SELECT @n * 10 + g FROM generate_series(0, 2) AS g", [("n", n)], FirstColumn<int>))
            .ToArray();

        var answers = await Task.WhenAll(reads);
        for (var n = 0; n < answers.Length; n++)
        {
            Assert.Equal([n * 10, n * 10 + 1, n * 10 + 2], answers[n]);
        }
    }

    [RequirementFact]
    public async Task AFailingReadFailsAloneInItsBatch()
    {
        // One loop, held by a slow read, so that the reads queued meanwhile go out in one batch.
        await using var batcher = new PostgresReadBatcher(ServerConnectionString, loops: 1);
        var slow = batcher.QueryAsync("SELECT pg_sleep(@ms / 1000.0)::text", [("ms", 300)], FirstColumn<string>);
        var reads = Enumerable.Range(-5, 11)
            .Select(n => batcher.QueryAsync("SELECT 100 / @n", [("n", n)], FirstColumn<int>))
            .ToArray();

        await slow;
        var zero = await Assert.ThrowsAsync<PostgresException>(() => reads[5]);
        Assert.Equal(PostgresErrorCodes.DivisionByZero, zero.SqlState);
        foreach (var (read, n) in reads.Zip(Enumerable.Range(-5, 11)).Where(pair => pair.Second != 0))
        {
            Assert.Equal([100 / n], await read);
        }
    }

    [RequirementFact]
    public async Task QueuedReadsFinishWhenItStopsAndLaterOnesAreRefused()
    {
        var batcher = new PostgresReadBatcher(ServerConnectionString, loops: 1);
        var queued = Enumerable.Range(0, 20).Select(n => batcher.QueryAsync("SELECT @n", [("n", n)], FirstColumn<int>)).ToArray();

        await batcher.DisposeAsync();

        Assert.Equal(Enumerable.Range(0, 20), (await Task.WhenAll(queued)).Select(rows => Assert.Single(rows)));
        Assert.Throws<ObjectDisposedException>(() => { _ = batcher.QueryAsync("SELECT @n", [("n", 1)], FirstColumn<int>); });
    }

    [RequirementFact]
    public async Task TheAppsReadsPlanEachStatementForItsParameters()
    {
        var batcher = server.Services.GetRequiredService<PostgresReadBatcher>();

        var mode = await batcher.QueryAsync("SELECT current_setting('plan_cache_mode')", [], FirstColumn<string>);

        Assert.Equal("force_custom_plan", Assert.Single(mode));
    }

    private static Func<DbDataReader, T> FirstColumn<T>(DbDataReader result) => row => row.GetFieldValue<T>(0);
}

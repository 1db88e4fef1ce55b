using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using MovieGpt.Server.Tests.Infrastructure;
using Npgsql;

namespace MovieGpt.Server.Tests.Faults;

/// <summary>
/// What a real server process does when it is killed, cut off from its database or stopped under load, on each
/// database: every acknowledged review (201) is stored, retries with the same Idempotency-Key add nothing, an outage
/// is 503 with Retry-After and passes by itself. Each test runs its own process on its own database; PostgreSQL is cut
/// through a <see cref="TcpGate"/>, never stopped (other tests share it), SQLite by another connection holding its
/// write lock.
/// </summary>
public abstract class FaultTests
{
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Settings that send the server to <paramref name="database"/> through <paramref name="gate"/> when there is one.</summary>
    protected abstract Dictionary<string, string> Settings(TestDatabase database, TcpGate? gate);

    /// <summary>Makes the database unanswerable for writes until the answer is disposed.</summary>
    protected abstract Task<IAsyncDisposable> CutAsync(TestDatabase database, TcpGate? gate);

    protected abstract TcpGate? Gate(TestDatabase database);

    protected abstract DbConnection Connect(TestDatabase database);

    /// <summary>Whether writes during the cut are answered 503 (else they wait the cut out).</summary>
    protected virtual bool CutAnswers503 => true;

    [RequirementFact]
    public async Task AKillDashNineUnderLoadLosesNoAcknowledgedReviewAndRetriesWithTheSameKeysAddNothing()
    {
        await using var database = await CreateDatabaseAsync();
        var settings = Settings(database, null);
        var server = await RunningServer.StartAsync(settings);
        var movie = (await server.Client.CreateMovieAsync("강제 종료")).Id();
        var load = new ReviewLoad(server.Client, movie);

        var running = load.RunAsync(workers: 8);
        await load.WaitForAcknowledgedAsync(40);
        await server.KillAsync();
        await running;
        await server.DisposeAsync();

        await using var restarted = await RunningServer.StartAsync(settings);
        var stored = await StoredIdsAsync(restarted.Client, movie);
        Assert.Subset(stored, load.Acknowledged.Values.ToHashSet());
        Assert.NotEmpty(load.Unacknowledged);
        // Each unacknowledged review was either stored before the kill (the retry is answered from its key) or not (the retry stores it).
        foreach (var key in load.Unacknowledged)
        {
            Assert.Equal(HttpStatusCode.Created, (await load.PostAsync(restarted.Client, key)).StatusCode);
        }
        foreach (var key in load.Acknowledged.Keys.Take(5))
        {
            var again = await load.PostAsync(restarted.Client, key);
            Assert.Equal(load.Acknowledged[key], (await again.ReadObjectAsync()).Id());
        }
        Assert.Equal(load.Acknowledged.Count + load.Unacknowledged.Count, (await StoredIdsAsync(restarted.Client, movie)).Count);
    }

    [RequirementFact]
    public async Task ASigtermUnderLoadStoresEveryAcceptedReviewAndExitsCleanly()
    {
        await using var database = await CreateDatabaseAsync();
        var server = await RunningServer.StartAsync(Settings(database, null));
        var movie = (await server.Client.CreateMovieAsync("정상 종료")).Id();
        var load = new ReviewLoad(server.Client, movie);

        var running = load.RunAsync(workers: 8);
        await load.WaitForAcknowledgedAsync(40);
        var exit = await server.TerminateAsync();
        await running;
        await server.DisposeAsync();

        Assert.Equal(0, exit);
        Assert.DoesNotContain(server.Lines, line => line.Contains("Unhandled exception", StringComparison.Ordinal));
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM reviews WHERE movie_id = {movie} AND id IN ({string.Join(',', load.Acknowledged.Values)})";
        Assert.Equal(load.Acknowledged.Count, Convert.ToInt32(await count.ExecuteScalarAsync()));
    }

    [RequirementFact]
    public async Task ADatabaseCutForTenSecondsIsAnswered503WithRetryAfterAndRecoversLosingNothing()
    {
        await using var database = await CreateDatabaseAsync();
        await using var gate = Gate(database);
        await using var server = await RunningServer.StartAsync(Settings(database, gate));
        var movie = (await server.Client.CreateMovieAsync("연결 끊김")).Id();
        var load = new ReviewLoad(server.Client, movie) { KeepGoingOn503 = true };

        var running = load.RunAsync(workers: 4);
        using var stopReads = new CancellationTokenSource();
        var reads = ReadUntilAsync(server.Client, movie, stopReads.Token);
        await load.WaitForAcknowledgedAsync(10);
        await using (await CutAsync(database, gate))
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
        }
        var restored = load.Acknowledged.Count;
        try
        {
            await load.WaitForAcknowledgedAsync(restored + 10);
            load.Stop();
            await running;
        }
        catch (Xunit.Sdk.XunitException failed)
        {
            // What the server logged of the failure, beside what the client saw.
            throw new Xunit.Sdk.XunitException($"{failed.Message}\n{string.Join('\n', server.Lines.Where(line => line.Contains("xception", StringComparison.Ordinal)).Take(3))}");
        }

        await stopReads.CancelAsync();
        var readAnswers = await reads;
        Assert.Contains(HttpStatusCode.OK, readAnswers);
        Assert.Equal(CutAnswers503, readAnswers.Contains(HttpStatusCode.ServiceUnavailable));
        Assert.All(readAnswers, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"a read answered {(int)status}"));
        Assert.Equal(CutAnswers503, !load.Unavailable.IsEmpty);
        Assert.All(load.Unavailable, retryAfter => Assert.Equal("5", retryAfter));
        Assert.Empty(load.Unacknowledged);
        Assert.Subset(await StoredIdsAsync(server.Client, movie), load.Acknowledged.Values.ToHashSet());
    }

    // Reads beside the writes, through the cut: each answers 200, or 503 while the database is away, never 500.
    private static async Task<List<HttpStatusCode>> ReadUntilAsync(HttpClient client, int movie, CancellationToken stop)
    {
        var answers = new List<HttpStatusCode>();
        while (!stop.IsCancellationRequested)
        {
            using var response = await client.GetAsync($"/api/reviews/movie/{movie}?limit=20", CancellationToken.None);
            answers.Add(response.StatusCode);
            await Task.Delay(response.IsSuccessStatusCode ? 5 : 100, CancellationToken.None);
        }
        return answers;
    }

    // Right after a cut, a read may still meet a connection the cut broke: that is one more 503, then the answer.
    private static async Task<HashSet<int>> StoredIdsAsync(HttpClient client, int movie)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync($"/api/reviews/movie/{movie}?limit=1000");
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(r => r!.Id())];
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Workers posting reviews, each with a key of its own, recording what was answered.</summary>
    private sealed class ReviewLoad(HttpClient client, int movie)
    {
        private readonly CancellationTokenSource _stop = new();
        private int _next;

        public bool KeepGoingOn503 { get; init; }

        /// <summary>Key → id of every review answered 201.</summary>
        public ConcurrentDictionary<string, int> Acknowledged { get; } = new();

        /// <summary>Keys whose request got no answer (the connection dropped).</summary>
        public ConcurrentBag<string> Unacknowledged { get; } = [];

        /// <summary>The Retry-After header of every 503.</summary>
        public ConcurrentBag<string?> Unavailable { get; } = [];

        public Task RunAsync(int workers) => Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)));

        public void Stop() => _stop.Cancel();

        public async Task WaitForAcknowledgedAsync(int count)
        {
            for (var waited = 0; Acknowledged.Count < count; waited += 20)
            {
                Assert.True(waited < 30_000, $"only {Acknowledged.Count} of {count} reviews were acknowledged");
                await Task.Delay(20);
            }
        }

        // The same key always sends the same body.
        public Task<HttpResponseMessage> PostAsync(HttpClient target, string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/reviews/")
            {
                Content = JsonContent.Create(new { movie_id = movie, author = "관객", content = $"{ReviewTexts.Mixed[key.Length % 5]} {key}" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return target.SendAsync(request);
        }

        private async Task WorkAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var key = $"fault-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}";
                HttpResponseMessage response;
                try
                {
                    response = await PostAsync(client, key);
                }
                catch (HttpRequestException)
                {
                    Unacknowledged.Add(key);
                    return;   // the server is gone
                }
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Acknowledged[key] = (await response.ReadObjectAsync()).Id();
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && KeepGoingOn503)
                {
                    Unavailable.Add(response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null);
                    await Task.Delay(100);
                }
                else
                {
                    Assert.Fail($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
    }
}

public sealed class SqliteFaultTests : FaultTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    // A write waits 2 s for the lock another connection holds before it is an outage (the default 30 s would outlast the cut).
    protected override Dictionary<string, string> Settings(TestDatabase database, TcpGate? gate) => new()
    {
        ["Database__Provider"] = "Sqlite",
        ["Database__ConnectionString"] = database.ConnectionString,
        ["Database__CommandTimeoutSeconds"] = "2",
    };

    protected override TcpGate? Gate(TestDatabase database) => null;

    protected override DbConnection Connect(TestDatabase database) => new SqliteConnection(database.ConnectionString);

    // The review writer's own connection waits out another connection's write lock (its busy timeout), so a 10 s lock
    // is slower writes, not 503s; what is checked is that nothing is lost and writes go on.
    protected override bool CutAnswers503 => false;

    // SQLite's outage: another process holds the write lock (readers go on, in WAL mode).
    protected override async Task<IAsyncDisposable> CutAsync(TestDatabase database, TcpGate? gate)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }
        return connection;   // disposing rolls back and lets go of the lock
    }
}

[RequiresPostgres]
public sealed class PostgresFaultTests : FaultTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();

    protected override Dictionary<string, string> Settings(TestDatabase database, TcpGate? gate)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 10, Timeout = 3 };
        if (gate is not null)
        {
            (connection.Host, connection.Port) = ("127.0.0.1", gate.Port);
        }
        return new()
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = connection.ConnectionString,
        };
    }

    protected override TcpGate? Gate(TestDatabase database)
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return TcpGate.To(target.Host!, target.Port);
    }

    protected override DbConnection Connect(TestDatabase database) => new NpgsqlConnection(database.ConnectionString);

    // As PostgreSQL stopped: connections reset, new ones refused; the shared server itself keeps running.
    protected override Task<IAsyncDisposable> CutAsync(TestDatabase database, TcpGate? gate)
    {
        gate!.Close();
        return Task.FromResult<IAsyncDisposable>(new Reopen(gate));
    }

    private sealed class Reopen(TcpGate gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Open();
            return ValueTask.CompletedTask;
        }
    }
}

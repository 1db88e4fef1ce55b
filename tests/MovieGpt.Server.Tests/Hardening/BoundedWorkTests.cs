using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Sentiment;
using MovieGpt.Server.Services;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Hardening;

/// <summary>
/// What one request may ask: bodies capped (413), characters per request capped before any scoring (413), and
/// scoring on a bounded queue with a fair share per client, so /health and reads answer while the engine is busy.
/// </summary>
public abstract class BoundedWorkTests(ServerFixture server)
{
    [RequirementFact]
    public async Task AJsonBodyOverTheCapAnswers413BeforeItIsRead()
    {
        await using var app = server.CreateVariant(_ => { }, new Dictionary<string, string?> { ["Http:MaxJsonBodyBytes"] = "2048" });
        using var client = app.CreateClient();

        var tooBig = await client.PostAsync("/api/sentiment", Json(new string('가', 1000)));
        var fits = await client.PostAsync("/api/sentiment", Json(new string('가', 500)));

        var problem = await tooBig.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2048", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [RequirementFact]
    public async Task AChunkedJsonBodyOverTheCapIsStoppedWhileItIsRead()
    {
        await using var app = server.CreateVariant(_ => { }, new Dictionary<string, string?> { ["Http:MaxJsonBodyBytes"] = "2048" });
        using var client = HardeningHosts.ClientFrom(app.StartOnSocket(), "127.0.0.1");

        // JsonContent announces no length: the body arrives chunked.
        var response = await client.PostAsync("/api/sentiment", JsonContent.Create(new { text = new string('가', 1000) }));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [RequirementFact]
    public async Task TheDefaultCapRefusesAFiveMegabyteBody()
    {
        var response = await server.Client.PostAsync("/api/sentiment", Json(new string('a', 5_000_000)));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [RequirementFact]
    public async Task OneCharacterOverTheRequestLimitAnswers413WithoutScoring()
    {
        // The engine fails if it is asked anything: the 413 must come first.
        await using var app = server.CreateVariant(services => services.AddSingleton<ISentimentAnalyzer>(
            new GatedAnalyzer(server.Services.GetRequiredService<ISentimentAnalyzer>(), failAll: true)));
        using var client = app.CreateClient();
        var texts = Enumerable.Range(0, 1000).Select(_ => new string('좋', 1000)).ToList();
        texts[0] += "!";

        var response = await client.PostAsJsonAsync("/api/sentiment/batch", new { texts }, Utf8);

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1000001 characters", (string?)problem["detail"]);
    }

    [RequirementTheory]
    [InlineData("/api/sentiment")]
    [InlineData("/api/sentiment/explain")]
    public async Task ATextOverTheRequestLimitAnswers413(string path)
    {
        await using var app = server.CreateVariant(_ => { }, new Dictionary<string, string?> { ["Sentiment:MaxRequestCharacters"] = "1000" });
        using var client = app.CreateClient();

        var over = await client.PostAsJsonAsync(path, new { text = new string('좋', 1001) });
        var at = await client.PostAsJsonAsync("/api/sentiment/batch", new { texts = new[] { new string('좋', 500), new string('싫', 500) } });

        await over.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.OK, at.StatusCode);
    }

    [RequirementFact]
    public async Task HealthAndReadsAnswerWhileEveryTurnAtTheEngineIsTaken()
    {
        var engine = new GatedAnalyzer(server.Services.GetRequiredService<ISentimentAnalyzer>());
        await using var app = server.CreateVariant(services =>
        {
            services.AddSingleton<ISentimentAnalyzer>(engine);
            HardeningHosts.SignInByHeader(services);
        });
        using var client = app.CreateClient();
        var queue = app.Services.GetRequiredService<ScoringQueue>();

        var batches = Enumerable.Range(0, 4).Select(i => Batch(client, $"client{i}")).ToList();
        await WaitUntilAsync(() => engine.Entered == 1 && queue.WaitingForEngine == 3);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/movies/?limit=5")).StatusCode);
        engine.Open();
        Assert.All(await Task.WhenAll(batches), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
    }

    [RequirementFact]
    public async Task ClientsTakeTurnsAtTheEngine()
    {
        var engine = new GatedAnalyzer(server.Services.GetRequiredService<ISentimentAnalyzer>());
        await using var app = server.CreateVariant(services =>
        {
            services.AddSingleton<ISentimentAnalyzer>(engine);
            HardeningHosts.SignInByHeader(services);
        });
        using var client = app.CreateClient();
        var queue = app.Services.GetRequiredService<ScoringQueue>();

        var first = Batch(client, "alice", "a1");
        await WaitUntilAsync(() => engine.Entered == 1);
        var second = Batch(client, "alice", "a2");
        await WaitUntilAsync(() => queue.WaitingBehind("user:alice") == 1);
        var third = Batch(client, "alice", "a3");
        await WaitUntilAsync(() => queue.WaitingBehind("user:alice") == 2);
        var bobs = Batch(client, "bob", "b1");
        await WaitUntilAsync(() => queue.WaitingForEngine == 1);

        for (var turn = 1; turn <= 4; turn++)
        {
            await WaitUntilAsync(() => engine.Entered == turn);
            engine.Step();
        }
        await Task.WhenAll(first, second, third, bobs);

        // Bob's one batch came before Alice's second, though hers were sent first.
        Assert.Equal(["a1", "b1", "a2", "a3"], engine.Order);
    }

    [RequirementFact]
    public async Task AClientWithTooManyRequestsWaitingGets429AndOthersStillGetTheirTurn()
    {
        var engine = new GatedAnalyzer(server.Services.GetRequiredService<ISentimentAnalyzer>());
        await using var app = server.CreateVariant(
            services =>
            {
                services.AddSingleton<ISentimentAnalyzer>(engine);
                HardeningHosts.SignInByHeader(services);
            },
            new Dictionary<string, string?> { ["Sentiment:QueuePerClient"] = "0" });
        using var client = app.CreateClient();

        var first = Batch(client, "alice");
        await WaitUntilAsync(() => engine.Entered == 1);
        var refused = await Batch(client, "alice");
        var bobs = Batch(client, "bob");

        await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("1", Assert.Single(refused.Headers.GetValues("Retry-After")));
        engine.Open();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bobs).StatusCode);
    }

    private static Task<HttpResponseMessage> Batch(HttpClient client, string user, string tag = "x")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sentiment/batch")
        {
            Content = JsonContent.Create(new { texts = new[] { $"{GatedAnalyzer.Marker}{tag}", ReviewTexts.Positive } }),
        };
        request.Headers.Add("X-Test-User", user);
        return client.SendAsync(request);
    }

    // Korean as UTF-8 (3 bytes a syllable), as real clients send it, not as \uXXXX escapes (6 bytes).
    private static readonly System.Text.Json.JsonSerializerOptions Utf8 = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static StringContent Json(string text) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { text }, Utf8), System.Text.Encoding.UTF8, "application/json");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>
    /// The real engine, except that a batch holding a text that starts with <see cref="Marker"/> waits at a gate the
    /// test opens, and records the order in which such batches reached the engine.
    /// </summary>
    private sealed class GatedAnalyzer(ISentimentAnalyzer inner, bool failAll = false) : ISentimentAnalyzer
    {
        public const string Marker = "GATE:";

        private readonly SemaphoreSlim _gate = new(0);
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _order = new();
        private int _entered;

        public int Entered => Volatile.Read(ref _entered);

        public IReadOnlyList<string> Order => [.. _order];

        public ModelInfo Model => inner.Model;

        public void Step() => _gate.Release();

        public void Open() => _gate.Release(1000);

        public SentimentResult Analyze(string text) => AnalyzeBatch([text])[0];

        public IReadOnlyList<SentimentResult> AnalyzeBatch(IReadOnlyList<string> texts)
        {
            if (failAll)
            {
                throw new InvalidOperationException("The engine was asked to score.");
            }
            if (texts.FirstOrDefault(t => t.StartsWith(Marker, StringComparison.Ordinal)) is { } marked)
            {
                _order.Enqueue(marked[Marker.Length..]);
                Interlocked.Increment(ref _entered);
                _gate.Wait(TimeSpan.FromSeconds(30));
            }
            return inner.AnalyzeBatch(texts);
        }

        public void Dispose()
        {
        }
    }
}

public sealed class SqliteBoundedWorkTests(SqliteServerFixture server) : BoundedWorkTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresBoundedWorkTests(PostgresServerFixture server) : BoundedWorkTests(server), IClassFixture<PostgresServerFixture>;

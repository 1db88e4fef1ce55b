using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using MovieGpt.Server.Extensions;
using MovieGpt.Server.Tests.Infrastructure;
using NLog.Extensions.Logging;
using NLog.Targets;

namespace MovieGpt.Server.Tests.Logging;

/// <summary>
/// Every request is logged once, as one compact line with structured fields (method, path, status, milliseconds,
/// bytes), never with headers, bodies or query strings.
/// </summary>
public sealed partial class RequestLogTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    private const string RequestCategory = RequestLogMiddleware.Category;

    [RequirementFact]
    public async Task EachRequestLogsOneEntryWithItsMethodPathStatusAndDuration()
    {
        var log = new CapturingLoggerProvider();
        await using var app = server.CreateVariant(services => services.AddSingleton<ILoggerProvider>(log));
        using var client = app.CreateClient();

        (await client.GetAsync("/api")).EnsureSuccessStatusCode();
        await client.PostAsJsonAsync("/api/reviews/", new { movie_id = 0, author = "", content = "" });

        var entries = log.Entries.Where(e => e.Category == RequestCategory).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("GET", "/api", 200), Fields(entries[0]));
        Assert.Equal(("POST", "/api/reviews/", 422), Fields(entries[1]));
        Assert.All(entries, e => Assert.True(Convert.ToDouble(e.State["ElapsedMs"], System.Globalization.CultureInfo.InvariantCulture) >= 0));
        Assert.True(Convert.ToInt64(entries[1].State["Bytes"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [RequirementFact]
    public async Task TheLineIsMethodPathStatusMillisecondsAndBytesWithoutTheQueryOrTheReviewsText()
    {
        var output = new MemoryTarget("test") { Layout = LoggingExtensions.JsonLines };
        await using var app = server.CreateVariant(services => services.AddSingleton<Target>(output));
        using var client = app.CreateClient();
        var movie = await client.CreateMovieAsync("로그 극장");
        var created = await client.PostAsJsonAsync("/api/reviews/", new { movie_id = movie.Id(), author = "비밀작성자", content = "비밀스러운 감상문 정말 재미있었다" });
        var search = await client.GetAsync("/api/movies/?q=비밀검색어");
        var body = await created.Content.ReadAsByteArrayAsync();

        var lines = await RequestLinesAsync(output, 3);
        var post = lines[1];
        Assert.Matches(LineShape(), (string)post["message"]!);
        Assert.Equal($"POST /api/reviews/ 201 {post["ElapsedMs"]} ms {body.Length} B", (string)post["message"]!);
        Assert.Equal(body.Length, (long)post["Bytes"]!);
        Assert.Equal("/api/movies/", (string?)lines[2]["Path"]);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var all = string.Join("\n", output.Logs);
        Assert.DoesNotContain("비밀", all, StringComparison.Ordinal);
        Assert.DoesNotContain("%EB", all, StringComparison.OrdinalIgnoreCase);   // nor the search, URL-encoded
        Assert.All(lines, line => Assert.True(line.ToJsonString().Length < 300, line.ToJsonString()));
    }

    [RequirementFact]
    public async Task RequestLogLevelNoneWritesNoRequestLine()
    {
        var log = new CapturingLoggerProvider();
        await using var app = server.CreateVariant(services => services.AddSingleton<ILoggerProvider>(log),
            new Dictionary<string, string?> { ["RequestLog:Level"] = "None" });
        using var client = app.CreateClient();

        (await client.GetAsync("/api")).EnsureSuccessStatusCode();

        Assert.DoesNotContain(log.Entries, e => e.Category == RequestCategory);
    }

    [RequirementFact]
    public async Task RequestLogLevelSetsTheLevelOfEachLine()
    {
        var log = new CapturingLoggerProvider();
        await using var app = server.CreateVariant(services => services.AddSingleton<ILoggerProvider>(log),
            new Dictionary<string, string?> { ["RequestLog:Level"] = "Warning" });
        using var client = app.CreateClient();

        (await client.GetAsync("/api")).EnsureSuccessStatusCode();

        Assert.Equal(LogLevel.Warning, Assert.Single(log.Entries, e => e.Category == RequestCategory).Level);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Z]+ /\S* \d{3} \d+(\.\d+)? ms \d+ B$")]
    private static partial System.Text.RegularExpressions.Regex LineShape();

    [RequirementFact]
    public void TheConsoleLogGoesThroughNLogsBatchesInsteadOfTheDefaultConsoleLogger()
    {
        var providers = server.Services.GetServices<ILoggerProvider>().ToList();

        Assert.Contains(providers, p => p is NLogLoggerProvider);
        Assert.DoesNotContain(providers, p => p is ConsoleLoggerProvider);
    }

    [RequirementFact]
    public async Task EachRequestIsOneJsonLineWithItsFields()
    {
        var output = new MemoryTarget("test") { Layout = LoggingExtensions.JsonLines };
        await using var app = server.CreateVariant(services => services.AddSingleton<Target>(output));
        using var client = app.CreateClient();

        (await client.GetAsync("/api")).EnsureSuccessStatusCode();
        await client.PostAsJsonAsync("/api/reviews/", new { movie_id = 0, author = "", content = "" });

        var lines = await RequestLinesAsync(output, 2);
        Assert.Equal(("GET", "/api", 200), Fields(lines[0]));
        Assert.Equal(("POST", "/api/reviews/", 422), Fields(lines[1]));
        Assert.All(lines, line =>
        {
            Assert.Equal("info", (string?)line["level"]);
            Assert.True((double)line["ElapsedMs"]! >= 0);
            Assert.Equal(DateTimeKind.Utc, DateTime.Parse((string)line["time"]!, null, System.Globalization.DateTimeStyles.RoundtripKind).Kind);
        });
    }

    [RequirementFact]
    public async Task StoppingTheAppWritesTheEntriesStillWaitingForTheirBatch()
    {
        var output = new MemoryTarget("test") { Layout = LoggingExtensions.JsonLines };
        var logged = new CapturingLoggerProvider();
        var app = server.CreateVariant(
            services => services.AddSingleton<Target>(output).AddSingleton<ILoggerProvider>(logged),
            new Dictionary<string, string?> { ["ConsoleLog:FlushMilliseconds"] = "1000" });
        using (var client = app.CreateClient())
        {
            (await client.GetAsync("/api")).EnsureSuccessStatusCode();
        }
        // The middleware logs just after the answer; this provider is called after NLog's, so the entry is queued by then.
        await WaitUntilAsync(() => logged.Entries.Any(e => e.Category == RequestCategory));

        await app.DisposeAsync();

        Assert.Equal(("GET", "/api", 200), Fields(Assert.Single(RequestLines(output))));
    }

    // Entries are written in batches, so the lines arrive a little after the answers.
    private static async Task<List<JsonObject>> RequestLinesAsync(MemoryTarget output, int count)
    {
        await WaitUntilAsync(() => RequestLines(output).Count >= count);
        return RequestLines(output);
    }

    // Up to ten seconds; the assertions that follow say what was missing.
    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var waited = 0; waited < 10_000 && !done(); waited += 10)
        {
            await Task.Delay(10);
        }
    }

    private static List<JsonObject> RequestLines(MemoryTarget output) =>
        [.. output.Logs.ToList().Select(line => JsonNode.Parse(line)!.AsObject())
            .Where(line => (string?)line["category"] == RequestCategory)];

    private static (string?, string?, int) Fields(JsonObject line) =>
        ((string?)line["Method"], (string?)line["Path"], (int)line["StatusCode"]!);

    private static (string?, string?, int) Fields(LogEntry entry) =>
        (entry.State["Method"]?.ToString(), entry.State["Path"]?.ToString(), Convert.ToInt32(entry.State["StatusCode"], System.Globalization.CultureInfo.InvariantCulture));
}

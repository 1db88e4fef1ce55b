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

/// <summary>Every request is logged once, as structured fields (method, path, status, duration), not only as text.</summary>
public sealed class RequestLogTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    private const string RequestCategory = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";

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
        Assert.All(entries, e => Assert.True(Convert.ToDouble(e.State["Duration"], System.Globalization.CultureInfo.InvariantCulture) >= 0));
    }

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
            Assert.True((double)line["Duration"]! >= 0);
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

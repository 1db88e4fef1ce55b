using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests;

/// <summary>Every request is logged once, as structured fields (method, path, status, duration), not only as text.</summary>
public sealed class RequestLogTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [DatabaseFact]
    public async Task EachRequestLogsOneEntryWithItsMethodPathStatusAndDuration()
    {
        var log = new CapturingLoggerProvider();
        await using var app = server.CreateVariant(services => services.AddSingleton<ILoggerProvider>(log));
        using var client = app.CreateClient();

        (await client.GetAsync("/api")).EnsureSuccessStatusCode();
        await client.PostAsJsonAsync("/api/reviews/", new { movie_id = 0, author = "", content = "" });

        var entries = log.Entries.Where(e => e.Category == "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("GET", "/api", 200), Fields(entries[0]));
        Assert.Equal(("POST", "/api/reviews/", 422), Fields(entries[1]));
        Assert.All(entries, e => Assert.True(Convert.ToDouble(e.State["Duration"], System.Globalization.CultureInfo.InvariantCulture) >= 0));
    }

    private static (string?, string?, int) Fields(LogEntry entry) =>
        (entry.State["Method"]?.ToString(), entry.State["Path"]?.ToString(), Convert.ToInt32(entry.State["StatusCode"], System.Globalization.CultureInfo.InvariantCulture));

    private sealed record LogEntry(string Category, IReadOnlyDictionary<string, object?> State);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public IReadOnlyList<LogEntry> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var fields = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
                entries.Enqueue(new LogEntry(category, fields.ToDictionary(f => f.Key, f => f.Value)));
            }
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MovieGpt.Server.Tests.Infrastructure;

/// <summary>One log entry as the app wrote it: its structured fields and, if any, its exception.</summary>
public sealed record LogEntry(string Category, LogLevel Level, IReadOnlyDictionary<string, object?> State, Exception? Exception);

/// <summary>Keeps every entry that the app's log filters let through, for tests that check what is logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
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
            entries.Enqueue(new LogEntry(category, logLevel, fields.ToDictionary(f => f.Key, f => f.Value), exception));
        }
    }
}

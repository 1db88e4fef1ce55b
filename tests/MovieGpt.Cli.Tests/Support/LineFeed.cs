using System.Collections.Concurrent;

namespace MovieGpt.Cli.Tests.Support;

/// <summary>A reader fed line by line by the test, like a person typing: ReadLine blocks until a line or the end comes.</summary>
internal sealed class LineFeed : TextReader
{
    private readonly BlockingCollection<string> _lines = [];

    public void Send(string line) => _lines.Add(line);

    public void End() => _lines.CompleteAdding();

    public override string? ReadLine() => _lines.TryTake(out var line, Timeout.Infinite) ? line : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>A writer that lets a test wait for a number of complete lines.</summary>
internal sealed class LineSink : StringWriter
{
    private readonly SemaphoreSlim _lines = new(0);

    public override void WriteLine(string? value)
    {
        lock (this)
        {
            base.WriteLine(value);
        }
        _lines.Release();
    }

    public bool WaitForLine(TimeSpan guard) => _lines.Wait(guard);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.Dispose();
        }
        base.Dispose(disposing);
    }
}

using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Extensions;

/// <summary>The "ConsoleLog" configuration section: how the log reaches standard output (see LoggingExtensions).</summary>
public sealed class ConsoleLogOptions
{
    public const string SectionName = "ConsoleLog";

    /// <summary>
    /// How long log entries gather before they are written together. A line appears at most this much later, and
    /// the entries of the last interval are lost if the process is killed (a normal stop writes them).
    /// </summary>
    [Range(1, 1000)]
    public int FlushMilliseconds { get; set; } = 50;
}

namespace MovieGpt.Server.Extensions;

/// <summary>The "RequestLog" configuration section: the one line logged per request (<see cref="RequestLogMiddleware"/>).</summary>
public sealed class RequestLogOptions
{
    public const string SectionName = "RequestLog";

    /// <summary>The level each request's line is written at; <see cref="LogLevel.None"/> writes none.</summary>
    public LogLevel Level { get; set; } = LogLevel.Information;
}

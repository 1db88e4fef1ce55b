using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MovieGpt.Server.Data;

internal static class FailureLogging
{
    /// <summary>
    /// EF logs a failed command, connection, query or save as an error with its exception, and the request that fails
    /// with it then logs it again (or answers 503 for an outage: <see cref="DatabaseOutage"/>), so EF's own entries
    /// only repeated it: during an outage, a stack trace per request.
    /// </summary>
    public static DbContextOptionsBuilder LogFailuresAsDebug(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
}

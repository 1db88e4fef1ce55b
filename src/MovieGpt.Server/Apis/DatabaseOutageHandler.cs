using Microsoft.AspNetCore.Diagnostics;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Apis;

/// <summary>
/// Answers a request that failed because the database cannot be reached with 503 and <c>Retry-After</c> instead of 500,
/// and logs one warning, without a stack trace, per <see cref="WarningInterval"/> of outage instead of one per request
/// (an outage under load would otherwise write a stack trace for every request). Anything else goes on to the default
/// handling, which logs it in full.
/// </summary>
internal sealed class DatabaseOutageHandler(IProblemDetailsService problems, TimeProvider clock, ILogger<DatabaseOutageHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private DateTimeOffset _lastWarning = DateTimeOffset.MinValue;
    private int _unreported;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!DatabaseOutage.IsOutage(exception))
        {
            return false;
        }
        Report(exception);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = $"The database cannot be reached right now. Try again in {RetryAfterSeconds} seconds.",
            },
        });
    }

    private void Report(Exception exception)
    {
        int earlier;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _lastWarning < WarningInterval)
            {
                _unreported++;
                return;
            }
            (_lastWarning, earlier, _unreported) = (now, _unreported, 0);
        }
        logger.LogWarning("The database cannot be reached ({Reason}); answering 503 until it can ({Earlier} more requests since the last warning)",
            DatabaseOutage.Reason(exception), earlier);
    }
}

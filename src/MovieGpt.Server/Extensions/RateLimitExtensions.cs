using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MovieGpt.Server.Extensions;

/// <summary>The names of the rate-limit policies an endpoint or group attaches with <c>RequireRateLimiting(name)</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Every write: reviews, movies, deletes, and any later write endpoint.</summary>
    public const string Writes = "writes";

    /// <summary>Every endpoint that runs the engine for a caller: <c>/api/sentiment*</c> and any later AI endpoint.</summary>
    public const string Ai = "ai";

    /// <summary>Log-in, registration and token refresh under <c>/api/auth</c>.</summary>
    public const string Auth = "auth";
}

/// <summary>
/// ASP.NET Core's rate limiter with one fixed-window policy per kind of request, partitioned per client: the signed-in
/// user's id, else the client's IP address (behind a proxy, the forwarded one only when the proxy is trusted, see
/// <see cref="HardeningExtensions"/>). A refused request is a 429 ProblemDetails with <c>Retry-After</c>.
/// </summary>
public static class RateLimitExtensions
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RateLimitPolicies.Writes, context => Partition(context, options => options.Writes));
            limiter.AddPolicy(RateLimitPolicies.Ai, context => Partition(context, options => options.Ai));
            limiter.AddPolicy(RateLimitPolicies.Auth, context => Partition(context, options => options.Auth));
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>After authentication (so a signed-in user is known) and routing (so the endpoint's policy is).</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Who a request counts against: <c>user:ID</c> when signed in, else <c>ip:ADDRESS</c>.</summary>
    public static string ClientKey(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id)
        {
            return "user:" + id;
        }
        var address = context.Connection.RemoteIpAddress;
        return "ip:" + (address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());
    }

    private static RateLimitPartition<string> Partition(HttpContext context, Func<RateLimitOptions, WindowLimit> pick)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }
        var limit = pick(options);
        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests from this client; try again in {seconds} s.",
            },
        });
    }
}

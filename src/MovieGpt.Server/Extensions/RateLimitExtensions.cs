using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.RateLimiting;

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
/// <see cref="HardeningExtensions"/>). The windows live in <see cref="RateLimitBudgets"/>, shared with the UI. A refused
/// request is a 429 ProblemDetails with <c>Retry-After</c>.
/// </summary>
public static class RateLimitExtensions
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<RateLimitBudgets>();
        builder.Services.AddRateLimiter(limiter =>
        {
            foreach (var policy in new[] { RateLimitPolicies.Writes, RateLimitPolicies.Ai, RateLimitPolicies.Auth })
            {
                limiter.AddPolicy(policy, context => context.RequestServices.GetRequiredService<RateLimitBudgets>().Partition(policy, context));
            }
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
    public static string ClientKey(HttpContext context) => ClientKey(context.User, AddressKey(context.Connection.RemoteIpAddress));

    /// <summary>As above, with the address already made a key (<see cref="AddressKey"/>), for the UI's circuit.</summary>
    public static string ClientKey(ClaimsPrincipal? user, string addressKey) =>
        user?.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? "user:" + id : addressKey;

    public static string AddressKey(IPAddress? address) =>
        "ip:" + (address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());

    /// <summary>Marks <paramref name="response"/> 429 with <c>Retry-After</c>; returns the whole seconds it says.</summary>
    public static int TooManyRequests(HttpResponse response, TimeSpan retryAfter)
    {
        var seconds = RateLimitBudgets.Seconds(retryAfter);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = TooManyRequests(context.Response, RateLimitBudgets.RetryAfter(rejected.Lease));
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

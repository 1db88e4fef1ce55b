using Microsoft.AspNetCore.Components.Authorization;
using MovieGpt.Server.Extensions;

namespace MovieGpt.Server.Components.Account;

/// <summary>
/// The rate limits of what the UI does past the API's endpoints, in the budgets the API's requests spend
/// (<see cref="RateLimitBudgets"/>): <c>writes</c> for its changes over the circuit (reviews, edits, 공감, movies,
/// deletes), per user when signed in, else per address; <c>auth</c> for the log-in and registration form posts.
/// </summary>
public sealed class UiRateLimit(RateLimitBudgets budgets, AuthenticationStateProvider authentication)
{
    /// <summary>
    /// The browser's address as a client key, from the request that rendered the page: <c>Routes</c> sets it from its
    /// root parameter, since the circuit has no request of its own to read it from.
    /// </summary>
    public string AddressKey { get; set; } = RateLimitExtensions.AddressKey(null);

    /// <summary>Takes one write from the viewer's budget: null when allowed, else the sentence to show instead of writing.</summary>
    public async Task<string?> TakeWriteAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return Refusal(budgets.TryTake(RateLimitPolicies.Writes, RateLimitExtensions.ClientKey(user, AddressKey)));
    }

    /// <summary>
    /// Takes one attempt from the form post's client's <c>auth</c> budget: null when allowed, else the sentence to show;
    /// the page is then answered with 429 and <c>Retry-After</c>, as the API would.
    /// </summary>
    public static string? TakeAuth(RateLimitBudgets budgets, HttpContext context)
    {
        if (budgets.TryTake(RateLimitPolicies.Auth, RateLimitExtensions.ClientKey(context)) is not { } wait)
        {
            return null;
        }
        RateLimitExtensions.TooManyRequests(context.Response, wait);
        return Refusal(wait);
    }

    /// <summary>The friendly sentence for a request over a rate limit (null: not over it); a long wait in minutes.</summary>
    public static string? Refusal(TimeSpan? retryAfter) => retryAfter is { } wait
        ? $"요청이 너무 많아요. {Wait(RateLimitBudgets.Seconds(wait))} 후에 다시 시도해 주세요."
        : null;

    private static string Wait(int seconds) =>
        seconds < 120 ? $"{seconds}초" : $"{(seconds + 59) / 60}분";
}

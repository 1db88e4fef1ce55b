using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Data.Idempotency;

namespace MovieGpt.Server.Apis;

/// <summary>
/// <c>Idempotency-Key</c> on a POST: the same key and body answer what the first request stored (same status, body
/// and Location) without writing again; the same key with another body is a 422. A request with a key that another
/// request is writing at that moment waits for it (the key's row is written in the write's own transaction) and then
/// answers the same. Only a completed write (201) is stored; a failed one leaves the key free for the retry.
/// <typeparamref name="TRequest"/> is the argument that is hashed: the body, or the route's id for a POST without one.
/// docs/architecture.md ("Safe retries") has the design.
/// </summary>
internal sealed class IdempotencyFilter<TRequest>(
    IdempotencyStore store, CurrentIdempotentWrite current, IOptions<JsonOptions> json, TimeProvider clock)
    : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on an answer that was stored by an earlier request with the same key.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const string Description =
        "With an Idempotency-Key header (1–255 visible ASCII characters) a retry with the same key and body answers what the first "
        + "request stored (same status, body and Location, plus Idempotent-Replayed: true) for 24 hours without storing anything "
        + "again; the same key with another body is 422. A retry that arrives while the first is still being written waits for it.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }
        var key = values.ToString();
        if (values.Count != 1 || !IsValid(key))
        {
            return ValidationFilter<object>.Invalid(new Dictionary<string, string[]>
            {
                [Header] = [$"{Header} must be one value of 1 to {IdempotencyColumns.MaxKeyLength} visible ASCII characters."],
            });
        }
        if (context.Arguments.OfType<TRequest>().FirstOrDefault() is not { } request)
        {
            return await next(context);   // the validation filter answers a missing body
        }
        // The body as the endpoint read it: the same fields and values hash the same, whatever the spacing or order.
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, json.Value.SerializerOptions)));
        var scope = Scope(http);
        var ct = http.RequestAborted;
        if (await store.FindAsync(scope, key, ct) is { } stored)
        {
            return Replay(stored, hash);
        }
        current.Write = new IdempotentWrite(scope, key, hash, clock.GetUtcNow().UtcDateTime);
        try
        {
            return await next(context);
        }
        catch (IdempotencyKeyTakenException)
        {
            // Another request with this key committed first (its transaction was waited for): answer what it stored.
            return await store.FindAsync(scope, key, ct) is { } first
                ? Replay(first, hash)
                : TypedResults.Problem($"Another request with this {Header} is in progress; retry later.", statusCode: StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The method and path (without a trailing slash), and the user when the request has one.</summary>
    internal static string Scope(HttpContext http)
    {
        var scope = $"{http.Request.Method} {http.Request.Path.Value?.TrimEnd('/').ToLowerInvariant()}";
        return http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? $"{scope} user:{user}" : scope;
    }

    private static bool IsValid(string key) =>
        key.Length is > 0 and <= IdempotencyColumns.MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    private static IResult Replay(IdempotencyRecord stored, string hash) =>
        stored.RequestHash == hash
            ? new StoredAnswer(stored)
            : ValidationFilter<object>.Invalid(new Dictionary<string, string[]>
            {
                [Header] = [$"This {Header} was used with another request body; use a new key for a new request."],
            });

    private sealed class StoredAnswer(IdempotencyRecord stored) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = stored.StatusCode;
            if (stored.Location is { } location)
            {
                http.Response.Headers.Location = location;
            }
            http.Response.Headers[ReplayedHeader] = "true";
            http.Response.ContentType = "application/json; charset=utf-8";
            return http.Response.WriteAsync(stored.ResponseBody, http.RequestAborted);
        }
    }
}

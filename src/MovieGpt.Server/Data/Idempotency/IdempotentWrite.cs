namespace MovieGpt.Server.Data.Idempotency;

/// <summary>
/// A write sent with an <c>Idempotency-Key</c>, as the endpoint filter hands it to the service: the service records
/// the answer with the write, in one transaction (<see cref="Answer"/>).
/// </summary>
public sealed record IdempotentWrite(string Scope, string Key, string RequestHash, DateTime CreatedAt)
{
    public IdempotencyRecord Answer(int statusCode, string? location, string body) => new()
    {
        Scope = Scope,
        Key = Key,
        RequestHash = RequestHash,
        StatusCode = statusCode,
        ResponseBody = body,
        Location = location,
        CreatedAt = CreatedAt,
    };
}

/// <summary>
/// Thrown when a write's key was recorded by another request first (two requests with one key at the same time, on
/// one instance or two): the write was rolled back, and the endpoint answers what the other request stored.
/// </summary>
public sealed class IdempotencyKeyTakenException(Exception inner)
    : Exception("Another request with the same Idempotency-Key was stored first.", inner);

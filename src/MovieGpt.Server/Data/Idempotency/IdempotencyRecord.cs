namespace MovieGpt.Server.Data.Idempotency;

/// <summary>
/// The stored answer to a write sent with an <c>Idempotency-Key</c>: committed in the same transaction as the write, so
/// a key is recorded exactly when its write is (docs/architecture.md, "Safe retries").
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Method and path the key was sent to (and the user, once writes have users): a key means one thing per scope.</summary>
    public required string Scope { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 (hex) of the request body as the endpoint read it: the same key with another body is refused.</summary>
    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public required string ResponseBody { get; set; }

    public string? Location { get; set; }

    public DateTime CreatedAt { get; set; }
}

namespace MovieGpt.Server.Data.Idempotency;

/// <summary>
/// The key of the write the current request makes, set by the endpoint filter and read by the service that writes
/// (scoped: one per request; a Blazor circuit never sets it). Keeps the key out of the services' signatures, which the
/// UI shares.
/// </summary>
public sealed class CurrentIdempotentWrite
{
    public IdempotentWrite? Write { get; set; }
}

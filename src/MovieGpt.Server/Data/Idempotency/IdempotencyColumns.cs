namespace MovieGpt.Server.Data.Idempotency;

/// <summary>The <c>idempotency_keys</c> table's names, shared by the EF model and the review inserters' SQL.</summary>
public static class IdempotencyColumns
{
    public const string Table = "idempotency_keys";
    public const string Scope = "scope";
    public const string Key = "key";
    public const string RequestHash = "request_hash";
    public const string StatusCode = "status_code";
    public const string ResponseBody = "response_body";
    public const string Location = "location";
    public const string CreatedAt = "created_at";

    public const int MaxKeyLength = 255;
    public const int MaxScopeLength = 300;

    /// <summary>Every column, in the order the inserters bind them.</summary>
    public const string Names = $"{Scope}, {Key}, {RequestHash}, {StatusCode}, {ResponseBody}, {Location}, {CreatedAt}";

    /// <summary>One parameter per column of <see cref="Names"/>, named after it, in the same order.</summary>
    public const string Parameters = $"@{Scope}, @{Key}, @{RequestHash}, @{StatusCode}, @{ResponseBody}, @{Location}, @{CreatedAt}";

    /// <summary>Each column's name with its value, as the inserters bind them.</summary>
    public static (string Name, object? Value)[] Values(IdempotencyRecord record) =>
    [
        (Scope, record.Scope), (Key, record.Key), (RequestHash, record.RequestHash), (StatusCode, record.StatusCode),
        (ResponseBody, record.ResponseBody), (Location, record.Location), (CreatedAt, record.CreatedAt.ToUniversalTime()),
    ];
}

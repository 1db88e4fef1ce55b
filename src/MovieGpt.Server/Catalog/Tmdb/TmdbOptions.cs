using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Catalog.Tmdb;

/// <summary>The "Tmdb" configuration section; the catalog is on when <see cref="ApiKey"/> is set.</summary>
public sealed class TmdbOptions : IValidatableObject
{
    public const string SectionName = "Tmdb";

    /// <summary>A v3 API key (sent as the api_key query parameter) or a v4 read access token (a JWT, sent as a Bearer token).</summary>
    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = "https://api.themoviedb.org/3";

    /// <summary>Poster paths are appended to this (a size is part of it).</summary>
    public string ImageBaseUrl { get; set; } = "https://image.tmdb.org/t/p/w500";

    public string Language { get; set; } = "ko-KR";

    /// <summary>How long one attempt may take.</summary>
    [Range(0.1, 60)]
    public double AttemptTimeoutSeconds { get; set; } = 5;

    /// <summary>How long a call may take, its retries and their waits included.</summary>
    [Range(0.5, 300)]
    public double TotalTimeoutSeconds { get; set; } = 15;

    /// <summary>Retries after a transient failure (5xx, 429, a timed-out attempt), with exponential back-off or the server's Retry-After.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's back-off (doubling, with jitter) when TMDB sends no Retry-After.</summary>
    [Range(0, 30)]
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>A 429 whose Retry-After is longer than this is not waited for: the caller gets a 503 with that Retry-After.</summary>
    [Range(0, 60)]
    public double MaxRetryAfterSeconds { get; set; } = 5;

    /// <summary>How long a search or a record is served from memory.</summary>
    [Range(0, 1440)]
    public double CacheMinutes { get; set; } = 60;

    /// <summary>The most answers kept in memory.</summary>
    [Range(1, 1_000_000)]
    public int CacheEntries { get; set; } = 2000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>A v4 read access token is a JWT (three dot-separated base64url parts); a v3 key is 32 hex digits.</summary>
    public bool IsBearerToken => ApiKey is { } key && key.Trim().Split('.').Length == 3 && key.Trim().Length > 40;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(BaseUrl), BaseUrl), (nameof(ImageBaseUrl), ImageBaseUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"Tmdb:{name} must be an absolute http or https URL (got '{value}').", [name]);
            }
        }
        if (TotalTimeoutSeconds <= AttemptTimeoutSeconds)
        {
            yield return new ValidationResult("Tmdb:TotalTimeoutSeconds must be longer than Tmdb:AttemptTimeoutSeconds.", [nameof(TotalTimeoutSeconds)]);
        }
        if (string.IsNullOrWhiteSpace(Language))
        {
            yield return new ValidationResult("Tmdb:Language must be set (e.g. ko-KR).", [nameof(Language)]);
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Extensions;

/// <summary>The "Http" configuration section: what one request may send.</summary>
public sealed class HttpLimitOptions
{
    public const string SectionName = "Http";

    /// <summary>
    /// The largest JSON request body, in bytes; larger is 413. The default holds a batch of 1,000,000 Korean characters
    /// (3 bytes each in UTF-8) with room for the JSON around them, far below Kestrel's 30 MB for other bodies.
    /// </summary>
    [Range(1024, 30_000_000)]
    public long MaxJsonBodyBytes { get; set; } = 4 * 1024 * 1024;
}

/// <summary>The "Cors" configuration section.</summary>
public sealed class CorsSettings
{
    public const string SectionName = "Cors";

    /// <summary>Origins (e.g. https://moviegpt.example) whose scripts may call the API; empty keeps CORS closed.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>
/// The "ForwardedHeaders" configuration section: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
/// believed. Empty (the default) believes none, so a client cannot pick the address its rate limits count against.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. 10.0.0.2.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. 172.18.0.0/16 (a Docker network).</summary>
    public string[] KnownNetworks { get; set; } = [];
}

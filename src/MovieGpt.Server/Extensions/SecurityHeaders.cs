using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Catalog.Tmdb;

namespace MovieGpt.Server.Extensions;

/// <summary>
/// The security headers of every answer: pages, static files, the API and errors alike. They are added when the answer
/// starts, so an error page written after the exception handler cleared the headers still carries them.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "MovieGpt.CspNonce";

    // The API and its documents are data, never rendered: nothing may load or frame them.
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    // Swagger UI's page carries inline script and style of its own; it shows no user content.
    private const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] s_apiPrefixes = ["/api", "/openapi", "/health", "/metrics"];

    /// <summary>
    /// The nonce of this request's page policy (null outside a page): the one inline script Blazor writes, the import
    /// map, carries it.
    /// </summary>
    public static string? Nonce(HttpContext context) => context.Items[NonceKey] as string;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // The catalog's posters may come from a mirror (or a test double) that is not https.
        var imageBase = app.ApplicationServices.GetRequiredService<IOptions<TmdbOptions>>().Value.ImageBaseUrl;
        var posterOrigin = Uri.TryCreate(imageBase, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : "";
        return app.Use((context, next) => Apply(context, next, posterOrigin));
    }

    private static Task Apply(HttpContext context, RequestDelegate next, string posterOrigin)
    {
        var policy = PolicyFor(context, posterOrigin);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string PolicyFor(HttpContext context, string posterOrigin)
    {
        var path = context.Request.Path;
        if (s_apiPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return ApiPolicy;
        }
        if (path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase))
        {
            return DocsPolicy;
        }
        // Hex: HTML-encoding leaves it as it is.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        // Scripts: our files and the nonced import map only. Styles: Blazor sets style attributes and its reconnect
        // dialog adds a style element, so inline styles stay allowed. connect-src 'self' covers the circuit's WebSocket.
        // Posters are images on other sites (https).
        return $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:{posterOrigin}; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}

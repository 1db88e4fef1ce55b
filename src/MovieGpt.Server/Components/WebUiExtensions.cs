using Microsoft.AspNetCore.Diagnostics;

namespace MovieGpt.Server.Components;

/// <summary>Registers and maps the Blazor UI; Program.cs calls these two.</summary>
public static class WebUiExtensions
{
    // Paths that belong to the API, its documents and the framework: their errors stay ProblemDetails.
    private static readonly string[] s_nonPagePrefixes = ["/api", "/openapi", "/docs", "/health", "/_blazor", "/_framework"];

    /// <summary>The largest message a browser may send the circuit.</summary>
    public const int MaxCircuitMessageBytes = 2 * 1024 * 1024;

    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        // The circuit starts with the state the prerender persisted (a page of reviews, escaped and in base64), sent
        // in one SignalR message: past the hub's 32 KB default, a page of long reviews closed the connection and
        // never became interactive. A page of ten reviews at the longest allowed stays under this.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        builder.Services.AddScoped<Account.UiRateLimit>();
        // Serves the build's static web assets (scoped CSS bundle) in every environment, as Development does;
        // a published app has no runtime manifest, and then this does nothing.
        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.UseStaticWebAssets();
        }
        return builder;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        // A browser asking for a page that does not exist gets the friendly not-found page (status 404).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // API clients keep the ProblemDetails answer of Program.cs's UseStatusCodePages: switch this one off for them.
        // (Inside UseWhen the re-execution finds no endpoint, hence a switch rather than a branch.)
        app.Use((context, next) =>
        {
            if (!IsPageRequest(context) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            return next(context);
        });
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        Account.AccountEndpoints.MapAccountEndpoints(app);
        return app;
    }

    private static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !s_nonPagePrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
        && context.Request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}

namespace MovieGpt.Server.Components;

/// <summary>Registers and maps the Blazor UI; Program.cs calls these two.</summary>
public static class WebUiExtensions
{
    // Paths that belong to the API and its documents: they keep their ProblemDetails answers.
    private static readonly string[] s_apiPrefixes = ["/api", "/openapi", "/docs", "/health", "/_blazor", "/_framework"];

    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        // A browser asking for a page gets the friendly error and not-found pages; API clients keep ProblemDetails.
        app.UseWhen(IsPageRequest, page =>
        {
            page.UseExceptionHandler("/Error", createScopeForErrors: true);
            page.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !s_apiPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
        && context.Request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}

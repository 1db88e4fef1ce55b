namespace MovieGpt.Server.Components;

/// <summary>Registers and maps the Blazor UI; Program.cs calls these two.</summary>
public static class WebUiExtensions
{
    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder) => builder;

    public static WebApplication MapWebUi(this WebApplication app) => app;
}

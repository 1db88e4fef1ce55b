using MovieGpt.Server.Apis;
using MovieGpt.Server.Catalog;
using MovieGpt.Server.Components;
using MovieGpt.Server.Extensions;

// A bad setting, model or database ends in one line on standard error and exit code 1 (StartupErrors).
try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddApiConventions();
    builder.AddHardening();
    builder.AddRateLimits();
    builder.AddRequestLogs();
    builder.AddTelemetry();
    builder.AddDatabase();
    builder.AddSentimentEngine();
    builder.AddCatalogServices();
    builder.AddMovieCatalog();
    builder.AddHealth();
    builder.AddApiDocs();
    builder.AddWebUi();

    var app = builder.Build();

    app.UseRequestLog();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseHardening();
    app.UseRateLimits();
    await app.MigrateDatabaseAsync();

    app.UseApiDocs();
    app.MapTelemetry();
    app.MapRootApi();
    // Before MoviesApi: /api/movies/recommend is declared ahead of the /api/movies/{id} routes.
    app.MapDiscoveryApi();
    app.MapMoviesApi();
    app.MapCatalogApi();
    app.MapReviewsApi();
    app.MapSentimentApi();
    app.MapWebUi();

    await app.RunAsync();
    return 0;
}
catch (Exception error) when (StartupErrors.OperatorError(error) is { } cause)
{
    await Console.Error.WriteLineAsync(StartupErrors.Describe(cause));
    return StartupErrors.ExitFailure;
}

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;

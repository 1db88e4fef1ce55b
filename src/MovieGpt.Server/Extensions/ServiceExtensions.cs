using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Extensions;

public static class ServiceExtensions
{
    /// <summary>The catalog services that both the REST endpoints and the Blazor pages call.</summary>
    public static IHostApplicationBuilder AddCatalogServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MovieTitleCache>();
        builder.Services.AddScoped<Data.Idempotency.CurrentIdempotentWrite>();
        builder.Services.AddOptions<Data.Idempotency.IdempotencyOptions>()
            .BindConfiguration(Data.Idempotency.IdempotencyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<Data.Idempotency.IdempotencyStore>();
        builder.Services.AddHostedService<Data.Idempotency.IdempotencyPurge>();
        builder.Services.AddScoped<IMovieService, MovieService>();
        builder.Services.AddScoped<IReviewService, ReviewService>();
        builder.Services.AddOptions<RankingOptions>()
            .BindConfiguration(RankingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ScorePrior>();
        builder.Services.AddScoped<IDiscoveryService, DiscoveryService>();
        builder.Services.AddSingleton<IExplanationService, ExplanationService>();
        return builder;
    }

    /// <summary>snake_case JSON (the prototype's contract), ProblemDetails for every error, graceful shutdown.</summary>
    public static IHostApplicationBuilder AddApiConventions(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // Korean text as UTF-8, not \uXXXX escapes (a third of the bytes); HTML-sensitive characters stay escaped.
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            options.SerializerOptions.DictionaryKeyPolicy = null;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Apis.DatabaseOutageHandler>();
        // Malformed JSON is the client's error: answer 400 (as ProblemDetails, via the status code pages) in every environment.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(15));
        return builder;
    }

    public static IHostApplicationBuilder AddApiDocs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "MovieGpt API";
                document.Info.Description =
                    "Korean movie reviews, each scored by the sentiment engine when it is stored. JSON is snake_case and times are "
                    + "ISO 8601 UTC. Errors are ProblemDetails (404 bodies carry \"detail\": \"Movie not found\" or \"Review not found\"); "
                    + "invalid input is 422 with a ValidationProblemDetails naming each bad field; malformed JSON is 400. "
                    + "average_score is the mean of P(positive) + P(neutral)/2 over a movie's reviews, 0 when it has none. "
                    + "limit is capped at 1000 on every list.";
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer<OpenApiExamples>();
        });
        return builder;
    }

    public static WebApplication UseApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "MovieGpt API v1");
            options.RoutePrefix = "docs";
            options.DocumentTitle = "MovieGpt API";
        });
        return app;
    }
}

using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Catalog.Tmdb;
using Polly;

namespace MovieGpt.Server.Catalog;

public static class CatalogExtensions
{
    /// <summary>
    /// The movie catalog (<see cref="ICatalogProvider"/>): TMDB over a typed <see cref="HttpClient"/> with the standard
    /// resilience handler, tuned from <see cref="TmdbOptions"/>. Without <c>Tmdb:ApiKey</c> it is registered but off.
    /// </summary>
    public static IHostApplicationBuilder AddMovieCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TmdbOptions>()
            .BindConfiguration(TmdbOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<TmdbCache>();
        builder.Services.AddTransient<ICatalogProvider, TmdbCatalogProvider>();
        builder.Services.AddScoped<CatalogImport>();
        builder.Services.AddHttpClient<TmdbClient>((services, http) =>
            {
                // A base address that ends in "/" so relative paths keep its own path (/3).
                http.BaseAddress = new Uri(services.GetRequiredService<IOptions<TmdbOptions>>().Value.BaseUrl.TrimEnd('/') + "/");
            })
            .AddStandardResilienceHandler()
            .Configure((resilience, services) => Tune(resilience, services.GetRequiredService<IOptions<TmdbOptions>>().Value));
        return builder;
    }

    private static void Tune(HttpStandardResilienceOptions resilience, TmdbOptions tmdb)
    {
        var attempt = TimeSpan.FromSeconds(tmdb.AttemptTimeoutSeconds);
        var maxRetryAfter = TimeSpan.FromSeconds(tmdb.MaxRetryAfterSeconds);
        resilience.AttemptTimeout.Timeout = attempt;
        resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(tmdb.TotalTimeoutSeconds);
        resilience.Retry.MaxRetryAttempts = tmdb.MaxRetries;
        resilience.Retry.Delay = TimeSpan.FromSeconds(tmdb.RetryDelaySeconds);
        resilience.Retry.ShouldRetryAfterHeader = true;
        // A 429 asking for a longer wait than we would make a user sit through is answered at once (503 with its Retry-After).
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !(args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response
                 && response.Headers.RetryAfter?.Delta is { } wait && wait > maxRetryAfter));
        // The breaker must sample at least two attempts' worth of time (the handler's own rule).
        if (resilience.CircuitBreaker.SamplingDuration < 2 * attempt)
        {
            resilience.CircuitBreaker.SamplingDuration = 2 * attempt;
        }
    }
}

using Microsoft.Extensions.Options;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Sentiment.Explanations;

namespace MovieGpt.Server.Extensions;

public static class SentimentEngineExtensions
{
    /// <summary>
    /// One analyzer for the process, loaded while the host starts: a missing or broken model stops start-up
    /// with the loader's message instead of failing the first review.
    /// </summary>
    public static IHostApplicationBuilder AddSentimentEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SentimentOptions>()
            .BindConfiguration(SentimentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ISentimentAnalyzer>(sp =>
            SentimentModelLoader.Load(sp.GetRequiredService<IOptions<SentimentOptions>>().Value));
        builder.Services.AddSingleton(sp => new SentimentExplainer(sp.GetRequiredService<ISentimentAnalyzer>()));
        // Thread-safe over the one sentiment analyzer: the review writer and the aspect back-fill share it.
        builder.Services.AddSingleton(sp => new AspectAnalyzer(sp.GetRequiredService<ISentimentAnalyzer>()));
        builder.Services.AddHostedService<SentimentModelWarmup>();
        return builder;
    }

    private sealed class SentimentModelWarmup(ISentimentAnalyzer analyzer, ILogger<SentimentModelWarmup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("Sentiment model {Name} ({Kind}) loaded from {File}", analyzer.Model.Name, analyzer.Model.Kind, analyzer.Model.File);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

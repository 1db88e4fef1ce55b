using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Sentiment;
using MovieGpt.Server.Catalog;
using MovieGpt.Server.Services;
using MovieGpt.Server.UiTests.Fakes;

namespace MovieGpt.Server.UiTests.Components;

/// <summary>A bUnit context with the services the forms inject, all of them in-memory fakes.</summary>
public abstract class UiTestContext : BunitContext
{
    protected static readonly SentimentResult Positive = SentimentResult.FromProbabilities(0.05, 0.07, 0.88, 8.6);

    protected UiTestContext()
    {
        Analyzer = new ScriptedAnalyzer(Positive);
        Movies = new FakeMovieService();
        Reviews = new FakeReviewService(Analyzer);
        Explanations = new FakeExplanationService();
        Services.AddSingleton<ISentimentAnalyzer>(Analyzer);
        Services.AddSingleton<IMovieService>(Movies);
        Services.AddSingleton<IReviewService>(Reviews);
        Services.AddSingleton<IDiscoveryService>(Discovery);
        Services.AddSingleton<IExplanationService>(Explanations);
        // Resolved when first rendered, so a test may swap the catalog before it renders.
        Services.AddSingleton<ICatalogProvider>(_ => CatalogProvider);
        Services.AddScoped<CatalogImport>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddLogging();
        // The components as the circuit renders them (interactive; prerendering is covered by the browser tests).
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        // The dialog's and the drafts' JavaScript modules are the browser tests' business.
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected ScriptedAnalyzer Analyzer { get; }

    protected FakeMovieService Movies { get; }

    protected FakeReviewService Reviews { get; }

    protected FakeDiscoveryService Discovery { get; } = new();

    protected FakeExplanationService Explanations { get; }

    protected FakeCatalogProvider CatalogProvider { get; set; } = new();
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Bunit.TestDoubles;
using Microsoft.Extensions.Options;
using MovieGpt.Sentiment;
using MovieGpt.Server.Catalog;
using MovieGpt.Server.Components.Account;
using MovieGpt.Server.Extensions;
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
        // The open contract by default, as in the other fixtures; account tests sign in or turn it off.
        Services.AddSingleton(Options.Create(AuthSettings));
        Services.AddScoped<Viewer>();
        // Resolved when first rendered, so a test may set limits before it renders.
        Services.AddSingleton(_ => Options.Create(RateLimitSettings));
        Services.AddSingleton<RateLimitBudgets>();
        Services.AddScoped<UiRateLimit>();
        Auth = AddAuthorization();
        // The components as the circuit renders them (interactive; prerendering is covered by the browser tests).
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        // The dialog's and the drafts' JavaScript modules are the browser tests' business.
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected AuthOptions AuthSettings { get; } = new() { AllowAnonymousWrites = true };

    /// <summary>Off, as in every test fixture; a rate-limit test turns them on.</summary>
    protected RateLimitOptions RateLimitSettings { get; } = new() { Enabled = false };

    protected BunitAuthorizationContext Auth { get; }

    /// <summary>Signs in as the account <paramref name="userId"/> with the claims our principal factory adds.</summary>
    protected void SignIn(int userId, string displayName, bool admin = false)
    {
        Auth.SetAuthorized(displayName).SetClaims(
            new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture)),
            new Claim(Caller.DisplayNameClaim, displayName));
        if (admin)
        {
            Auth.SetRoles(AuthOptions.AdminRole);
        }
    }

    /// <summary>
    /// The field is marked invalid, and one of the ids its aria-describedby names is an element that holds
    /// <paramref name="message"/>, so a screen reader reads the message with the field.
    /// </summary>
    protected static void AssertInvalidAndDescribed<TComponent>(IRenderedComponent<TComponent> cut, string testId, string message)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        var field = cut.Find($"[data-testid={testId}]");
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var ids = (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(ids, id => cut.FindAll($"[id='{id}']") is [var described] && described.TextContent.Trim() == message);
    }

    protected ScriptedAnalyzer Analyzer { get; }

    protected FakeMovieService Movies { get; }

    protected FakeReviewService Reviews { get; }

    protected FakeDiscoveryService Discovery { get; } = new();

    protected FakeExplanationService Explanations { get; }

    protected FakeCatalogProvider CatalogProvider { get; set; } = new();
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>The UI works under its Content-Security-Policy: the circuit connects, JavaScript modules load, nothing is refused.</summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class SecurityPolicyTests(BrowserFixture fixture)
{
    private const string ReviewText = "배우들 연기가 훌륭하고 음악도 좋아서 정말 재미있게 봤어요";

    [RequirementFact]
    public async Task TheUiWorksUnderItsContentSecurityPolicyWithoutAViolation()
    {
        var page = await fixture.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };
        // The page's own report of every violation, listened to before any of its scripts runs.
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);

        var response = await page.GotoAsync("reviews/new");
        Assert.Contains("script-src 'self' 'nonce-", response!.Headers["content-security-policy"]);
        await Expect(page.GetByTestId("review-form")).ToBeVisibleAsync();
        // The live preview answers only through the circuit (its WebSocket).
        await page.GetByTestId("review-content").FillAsync(ReviewText);
        await Expect(page.GetByTestId("live-preview-result").GetByTestId("sentiment-badge")).ToBeVisibleAsync();
        // The theme toggle imports a JavaScript module through the import map.
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await page.GotoAsync("movies");
        await Expect(page.GetByTestId("movie-search")).ToBeVisibleAsync();

        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        Assert.Empty(refused);
        await fixture.Screenshots.SaveAsync(page, "csp-movies");
    }

    [RequirementFact]
    public async Task SwaggerUiLoadsUnderItsOwnPolicy()
    {
        var page = await fixture.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync("docs");

        await Expect(page.Locator(".swagger-ui .info .title")).ToContainTextAsync("MovieGpt API");
        await Expect(page.Locator(".opblock").First).ToBeVisibleAsync();
        Assert.Empty(refused);
    }
}

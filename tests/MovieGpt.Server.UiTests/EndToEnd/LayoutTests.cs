using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class LayoutTests(BrowserFixture fixture)
{
    [RequirementTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task At375PixelsWideEveryPageFitsWithoutSidewaysScrolling(ColorScheme scheme)
    {
        var signedOut = await fixture.NewPageAsync(width: 375, height: 812, colorScheme: scheme);
        var signedIn = await fixture.NewSignedInPageAsync(width: 375, height: 812, colorScheme: scheme);
        foreach (var site in fixture.Pages)
        {
            var page = site.SignedIn ? signedIn : signedOut;
            await page.VisitAsync(site);
            await Expect(page.GetByTestId("nav-movies")).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"/{site.Path} is {width}px wide at a 375px viewport.");
            await fixture.Screenshots.SaveAsync(page, (scheme == ColorScheme.Dark ? "mobile-dark-" : "mobile-") + site.Name);
        }
    }

    [RequirementFact]
    public async Task DarkModeIsRememberedAfterAReload()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync("");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "light");

        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await page.ReloadAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal("rgb(18, 17, 26)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        await Expect(page.GetByTestId("home-totals")).ToBeVisibleAsync();
        await fixture.Screenshots.SaveAsync(page, "dark-home");
        await page.GotoAsync("reviews");
        await Expect(page.GetByTestId("stats-panel")).ToBeVisibleAsync();
        await fixture.Screenshots.SaveAsync(page, "dark-reviews");
    }

    [RequirementFact]
    public async Task AnUnknownAddressShowsTheFriendlyNotFoundPageWithStatus404()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("no/such/page");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByTestId("not-found-page")).ToBeVisibleAsync();
        await fixture.Screenshots.SaveAsync(page, "not-found");
    }

    [RequirementFact]
    public async Task TheErrorPageRendersWithoutTheCircuit()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("Error");

        await Expect(page.GetByTestId("error-page")).ToBeVisibleAsync();
        await fixture.Screenshots.SaveAsync(page, "error");
    }
}

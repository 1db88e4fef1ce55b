using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>axe-core on every page of <see cref="SitePages"/>, in the light and the dark theme.</summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly string[] s_blocking = ["serious", "critical"];

    [RequirementTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task NoPageHasASeriousOrCriticalAxeViolation(ColorScheme scheme)
    {
        var signedOut = await fixture.NewPageAsync(colorScheme: scheme);
        var signedIn = await fixture.NewSignedInPageAsync(colorScheme: scheme);
        var found = new List<string>();

        foreach (var site in fixture.Pages)
        {
            var page = site.SignedIn ? signedIn : signedOut;
            await page.VisitAsync(site);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
            });
            found.AddRange(Describe(site, result));
            if (scheme == ColorScheme.Dark)
            {
                // The light desktop pictures come from the journeys, with their own content.
                await fixture.Screenshots.SaveAsync(page, "dark-" + site.Name);
            }
        }

        Assert.True(found.Count == 0, $"axe ({scheme}):\n" + string.Join("\n", found));
    }

    [RequirementTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheDeleteDialogHasNoSeriousOrCriticalAxeViolation(ColorScheme scheme)
    {
        var page = await fixture.NewPageAsync(colorScheme: scheme);
        await page.GotoInteractiveAsync($"movies/{fixture.Sample.MovieId}");
        await page.GetByTestId("movie-detail-delete").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();

        await AssertNoBlockingViolationAsync(page, "delete-dialog", scheme);
    }

    [RequirementTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheReviewFormShowingAnErrorHasNoSeriousOrCriticalAxeViolation(ColorScheme scheme)
    {
        var page = await fixture.NewPageAsync(colorScheme: scheme);
        await page.GotoInteractiveAsync("reviews/new");
        await page.GetByTestId("review-content").FillAsync("짧다");
        await page.GetByTestId("review-submit").ClickAsync();
        await Expect(page.GetByTestId("review-content-error")).ToBeVisibleAsync();

        await AssertNoBlockingViolationAsync(page, "review-form-error", scheme);
    }

    [RequirementTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheMovieFormWarningOfADuplicateHasNoSeriousOrCriticalAxeViolation(ColorScheme scheme)
    {
        var page = await fixture.NewPageAsync(colorScheme: scheme);
        await page.GotoInteractiveAsync("movies/new");
        await page.GetByTestId("movie-title").FillAsync(SampleCatalog.FirstTitle);
        await page.GetByTestId("movie-title").PressAsync("Tab");
        await page.GetByTestId("movie-release-date").FillAsync(SampleCatalog.FirstReleaseDate);
        await Expect(page.GetByTestId("movie-duplicate-warning")).ToBeVisibleAsync();

        await AssertNoBlockingViolationAsync(page, "movie-form-duplicate", scheme);
    }

    [RequirementFact]
    public async Task ThePagesAxeVisitsShowEveryKindOfReviewAndAPager()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync($"movies/{fixture.Sample.MovieId}");
        foreach (var kind in new[] { "review-user-rating", "review-spoiler", "review-more", "review-disagree" })
        {
            await Expect(page.GetByTestId(kind).First).ToBeVisibleAsync();
        }

        await page.GotoInteractiveAsync("reviews");
        await Expect(page.GetByTestId("pager-next")).ToBeVisibleAsync();
    }

    private static async Task AssertNoBlockingViolationAsync(IPage page, string name, ColorScheme scheme)
    {
        var result = await page.RunAxe();

        var found = Describe(new SitePage(name, "", ""), result).ToList();
        Assert.True(found.Count == 0, $"axe {name} ({scheme}):\n" + string.Join("\n", found));
    }

    internal static IEnumerable<string> Describe(SitePage site, AxeResult result) =>
        result.Violations
            .Where(v => s_blocking.Contains(v.Impact))
            .SelectMany(v => v.Nodes.Select(n =>
                $"/{site.Path} [{v.Impact}] {v.Id}: {v.Help} at {n.Target} {n.Html} — "
                + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))));
}

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

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
        var page = await fixture.NewPageAsync(colorScheme: scheme);
        var found = new List<string>();

        foreach (var site in fixture.Pages)
        {
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
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();

        var result = await page.RunAxe();

        var found = Describe(new SitePage("delete-dialog", "", ""), result).ToList();
        Assert.True(found.Count == 0, $"axe ({scheme}):\n" + string.Join("\n", found));
    }

    internal static IEnumerable<string> Describe(SitePage site, AxeResult result) =>
        result.Violations
            .Where(v => s_blocking.Contains(v.Impact))
            .SelectMany(v => v.Nodes.Select(n =>
                $"/{site.Path} [{v.Impact}] {v.Id}: {v.Help} at {n.Target} {n.Html} — "
                + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))));
}

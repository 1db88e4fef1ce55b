using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>The "왜?" toggle with the real model, on a stored review and in the review form's live preview.</summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class WhyJourneyTests(BrowserFixture fixture)
{
    private const string MixedText = "배우들 연기는 정말 최고였어요. 그런데 결말은 너무 지루하고 최악이었다";

    [RequirementFact]
    public async Task TheToggleOnAStoredReviewHighlightsItsWordsAndLabelsItsSentences()
    {
        var movieId = await MovieWithAMixedReviewAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"movies/{movieId}");

        var review = page.GetByTestId("movie-reviews").GetByTestId("review-item");
        await Expect(review.GetByTestId("why-panel")).ToHaveCountAsync(0);
        await review.GetByTestId("why-toggle").ClickAsync();

        await Expect(review.GetByTestId("why-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        var best = review.Locator("[data-testid=why-word][data-tone=pos]", new() { HasText = "최고였어요" });
        var worst = review.Locator("[data-testid=why-word][data-tone=neg]", new() { HasText = "최악이었다" });
        await Expect(best).ToHaveCountAsync(1);
        await Expect(worst).ToHaveCountAsync(1);
        var sentences = review.GetByTestId("why-sentence");
        await Expect(sentences).ToHaveCountAsync(2);
        await Expect(sentences.First).ToHaveAttributeAsync("data-label", "positive");
        await Expect(sentences.Nth(1)).ToHaveAttributeAsync("data-label", "negative");
        await Expect(review.GetByTestId("why-mixed")).ToBeVisibleAsync();

        // The number shows on keyboard focus, not only on hover.
        await Expect(best.GetByRole(Microsoft.Playwright.AriaRole.Tooltip)).ToBeHiddenAsync();
        await best.FocusAsync();
        await Expect(best.GetByRole(Microsoft.Playwright.AriaRole.Tooltip)).ToBeVisibleAsync();
        await Expect(best.GetByRole(Microsoft.Playwright.AriaRole.Tooltip)).ToContainTextAsync("긍정 쪽으로");
        await review.ScrollIntoViewIfNeededAsync();
        await fixture.Screenshots.SaveAsync(page, "review-why");
    }

    [RequirementTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheOpenPanelWithAWordFocusedHasNoSeriousOrCriticalAxeViolation(ColorScheme scheme)
    {
        var movieId = await MovieWithAMixedReviewAsync();
        var page = await fixture.NewPageAsync(colorScheme: scheme);
        await page.GotoInteractiveAsync($"movies/{movieId}");
        var review = page.GetByTestId("movie-reviews").GetByTestId("review-item");
        await review.GetByTestId("why-toggle").ClickAsync();
        var best = review.Locator("[data-testid=why-word][data-tone=pos]", new() { HasText = "최고였어요" });
        await best.FocusAsync();
        await Expect(best.GetByRole(AriaRole.Tooltip)).ToBeVisibleAsync();

        var result = await page.RunAxe();

        var found = AccessibilityTests.Describe(new SitePage("why-panel", $"movies/{movieId}", ""), result).ToList();
        Assert.True(found.Count == 0, $"axe ({scheme}):\n" + string.Join("\n", found));
    }

    [RequirementFact]
    public async Task TheLivePreviewExplainsWhatIsBeingWritten()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("reviews/new");

        await page.GetByTestId("review-content").FillAsync("음악이 정말 최고였어요");
        var preview = page.GetByTestId("live-preview");
        await preview.GetByTestId("why-toggle").ClickAsync();

        await Expect(preview.Locator("[data-testid=why-word][data-tone=pos]", new() { HasText = "최고였어요" })).ToHaveCountAsync(1);
        await Expect(preview.GetByTestId("why-sentence")).ToHaveAttributeAsync("data-label", "positive");
    }

    private async Task<int> MovieWithAMixedReviewAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var movie = await scope.ServiceProvider.GetRequiredService<IMovieService>().CreateAsync(new CreateMovieRequest { Title = $"왜 극장 {Guid.NewGuid().ToString("N")[..6]}", Director = "한지수", Genre = "드라마" });
        await scope.ServiceProvider.GetRequiredService<IReviewService>().CreateAsync(new CreateReviewRequest { MovieId = movie.Id, Author = "왜관객", Content = MixedText });
        return movie.Id;
    }
}

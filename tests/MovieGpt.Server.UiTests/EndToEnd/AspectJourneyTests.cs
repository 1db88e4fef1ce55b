using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>A mixed review posted on a movie's page shows up in the aspect panel, as chips on the review, and in the aspect filter.</summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class AspectJourneyTests(BrowserFixture fixture)
{
    private const string MixedText = "연기는 좋은데 스토리가 별로예요";

    [RequirementFact]
    public async Task AMixedReviewFillsTheAspectPanelAndGetsChips()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var movie = await scope.ServiceProvider.GetRequiredService<IMovieService>().CreateAsync(new CreateMovieRequest { Title = $"측면 극장 {Guid.NewGuid().ToString("N")[..6]}", Director = "한지수", Genre = "드라마" });
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"movies/{movie.Id}");
        await Expect(page.GetByTestId("aspect-panel-empty")).ToBeVisibleAsync();

        await page.GetByTestId("review-author").FillAsync("측면관객");
        await page.GetByTestId("review-content").FillAsync(MixedText);
        await page.GetByTestId("review-submit").ClickAsync();

        var panel = page.GetByTestId("aspect-panel");
        await Expect(panel.GetByTestId("aspect-summary")).ToHaveCountAsync(2);
        await Expect(panel.Locator("[data-aspect='연기']")).ToContainTextAsync("👍");
        await Expect(panel.Locator("[data-aspect='연기'] [data-testid=aspect-share]")).ToHaveTextAsync("100%");
        await Expect(panel.Locator("[data-aspect='스토리']")).ToContainTextAsync("👎");
        var chips = page.GetByTestId("movie-reviews").GetByTestId("aspect-chip");
        await Expect(chips).ToHaveCountAsync(2);
        var acting = chips.First;
        await Expect(acting).ToHaveAttributeAsync("data-label", SentimentLabels.Positive);
        await Expect(acting).ToHaveAttributeAsync("aria-label", "연기 긍정 — 근거: “연기는 좋은데”");
        await Expect(chips.Nth(1)).ToHaveAttributeAsync("data-label", SentimentLabels.Negative);
        await acting.FocusAsync();
        await fixture.Screenshots.SaveAsync(page, "movie-aspects");

        // The filter keeps the review for what it says and drops it for what it does not.
        await page.GetByTestId("aspect-filter").SelectOptionAsync("스토리");
        await page.GetByTestId("label-filter").SelectOptionAsync(SentimentLabels.Negative);
        await Expect(page.GetByTestId("movie-reviews").GetByTestId("review-item")).ToHaveCountAsync(1);
        await page.GetByTestId("label-filter").SelectOptionAsync(SentimentLabels.Positive);
        await Expect(page.GetByTestId("movie-no-reviews")).ToHaveTextAsync("이 조건에 맞는 리뷰가 없어요.");
    }
}

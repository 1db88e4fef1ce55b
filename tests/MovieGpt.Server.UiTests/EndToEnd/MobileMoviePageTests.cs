using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class MobileMoviePageTests(BrowserFixture fixture)
{
    [RequirementFact]
    public async Task At375PixelsTheReviewFormIsOneTapAwayInTheFirstScreen()
    {
        var page = await fixture.NewPageAsync(width: 375, height: 667);
        await page.GotoInteractiveAsync($"movies/{fixture.Sample.MovieId}");
        var jump = page.GetByTestId("movie-write-jump");

        await Expect(jump).ToBeInViewportAsync();
        await jump.ClickAsync();

        await Expect(page.GetByTestId("review-content")).ToBeInViewportAsync();
        await page.GetByTestId("review-content").FocusAsync();
        await fixture.Screenshots.SaveAsync(page, "mobile-movie-write");
    }

    [RequirementFact]
    public async Task OnADesktopTheJumpButtonIsHidden()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync($"movies/{fixture.Sample.MovieId}");

        await Expect(page.GetByTestId("movie-write-jump")).ToBeHiddenAsync();
    }
}

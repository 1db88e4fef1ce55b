using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>Nothing typed is lost: the forms keep drafts in the browser through reloads and server restarts.</summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class DraftTests(BrowserFixture fixture)
{
    private const string Draft = "반쯤 쓴 리뷰예요. 서버가 다시 켜져도 남아 있어야 해요.";

    [RequirementFact]
    public async Task AHalfWrittenReviewSurvivesAServerRestart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "moviegpt-ui-tests", Guid.NewGuid().ToString("N"));
        var database = $"Data Source={Path.Combine(folder, "moviegpt.db")}";
        var port = KestrelAppFactory.FreePort();
        var first = new KestrelAppFactory(database, port);
        KestrelAppFactory? second = null;
        try
        {
            first.StartServer();
            int movieId;
            await using (var scope = first.Services.CreateAsyncScope())
            {
                movieId = (await scope.ServiceProvider.GetRequiredService<IMovieService>()
                    .CreateAsync(new CreateMovieRequest { Title = "재시작 테스트" })).Id;
            }
            await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = first.BaseAddress.ToString(),
                Locale = "ko-KR",
            });
            context.SetDefaultTimeout(20_000);
            var page = await context.NewPageAsync();
            await page.GotoInteractiveAsync($"movies/{movieId}");
            await page.GetByTestId("review-author").FillAsync("끈기");
            await page.GetByTestId("review-content").FillAsync(Draft);
            await page.GetByTestId("review-rating-1").FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("ArrowRight");
            await Expect(page.GetByTestId("review-rating")).ToHaveAttributeAsync("data-value", "2");
            await page.GetByTestId("review-spoiler-flag").CheckAsync();

            // The server goes away: the Korean banner says so, and the page keeps taking input.
            await first.DisposeAsync();
            var banner = page.GetByTestId("reconnect-banner");
            await Expect(banner).ToBeVisibleAsync();
            await Expect(banner).ToContainTextAsync("연결");
            await fixture.Screenshots.SaveAsync(page, "reconnecting");

            // It comes back on the same address: the page reloads and the draft is still in the form.
            second = new KestrelAppFactory(database, port);
            second.StartServer();
            await Expect(page.GetByTestId("review-content")).ToHaveValueAsync(Draft, new() { Timeout = 90_000 });
            await Expect(page.GetByTestId("review-author")).ToHaveValueAsync("끈기");
            await Expect(page.GetByTestId("review-rating")).ToHaveAttributeAsync("data-value", "2");
            await Expect(page.GetByTestId("review-spoiler-flag")).ToBeCheckedAsync();
            await Expect(banner).ToBeHiddenAsync();

            // Saved, the draft is gone: a reload shows an empty form.
            await page.GetByTestId("review-submit").ClickAsync();
            await Expect(page.GetByTestId("review-result")).ToBeVisibleAsync();
            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.GetByTestId("review-content")).ToHaveValueAsync("");
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }
            await first.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [RequirementFact]
    public async Task TheMovieFormKeepsItsFieldsThroughAReload()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync("movies/new");
        await page.GetByTestId("movie-title").FillAsync("임시 저장된 영화");
        await page.GetByTestId("movie-director").FillAsync("초안감독");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByTestId("movie-title")).ToHaveValueAsync("임시 저장된 영화");
        await Expect(page.GetByTestId("movie-director")).ToHaveValueAsync("초안감독");
        // The draft is this browser's only: clear it for the other tests of this context.
        await page.EvaluateAsync("() => localStorage.clear()");
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>A double click on a submit button stores one row, counted through the API.</summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class DoubleSubmitTests(BrowserFixture fixture)
{
    [RequirementFact]
    public async Task DoubleClickingMovieAddStoresOneMovie()
    {
        var title = $"더블클릭 {Guid.NewGuid().ToString("N")[..8]}";
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync("movies/new");
        await page.GetByTestId("movie-title").FillAsync(title);

        await page.GetByTestId("movie-submit").DblClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/movies/\d+$"));
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var found = await client.GetFromJsonAsync<JsonArray>($"api/movies/?q={Uri.EscapeDataString(title)}");
        Assert.Single(found!);
    }

    [RequirementFact]
    public async Task DoubleClickingMovieAddForAStoredTitleAndYearWarnsAndStoresNoTwin()
    {
        var title = $"기생충 {Guid.NewGuid().ToString("N")[..8]}";
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMovieService>().CreateAsync(
                new CreateMovieRequest { Title = title, ReleaseDate = "2019-05-30", Director = "봉준호" });
        }
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync("movies/new");
        await page.GetByTestId("movie-title").FillAsync(title);
        await page.GetByTestId("movie-release-date").FillAsync("2019-05-30");

        await page.GetByTestId("movie-submit").DblClickAsync();

        // A message drawn after both clicks were handled: a second click that saved would have left the button
        // locked at 저장 중… (and the page on its way to the twin).
        await page.GetByTestId("movie-poster-url").FillAsync("ftp://example.com/poster.jpg");
        await Expect(page.GetByTestId("movie-poster-url-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("movie-submit")).ToBeEnabledAsync();
        await Expect(page.GetByTestId("movie-submit")).ToHaveTextAsync("영화 추가");
        await Expect(page.GetByTestId("movie-duplicate-warning")).ToBeVisibleAsync();
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var found = await client.GetFromJsonAsync<JsonArray>($"api/movies/?q={Uri.EscapeDataString(title)}");
        Assert.Single(found!);
    }

    [RequirementFact]
    public async Task DoubleClickingLogInPostsOnceAndSignsIn()
    {
        var email = $"double-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        using (var client = new HttpClient { BaseAddress = fixture.App.BaseAddress })
        {
            var registered = await client.PostAsJsonAsync("api/auth/register", new { email, password = "movie1234", display_name = "두번로그인" });
            Assert.True(registered.IsSuccessStatusCode, $"register answered {registered.StatusCode}");
        }
        var page = await fixture.NewPageAsync();
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" && request.Url.Contains("/account/login", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoAsync("account/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync("movie1234");

        // Two clicks a moment apart, as a hand double-clicks: Chromium folds two submits of the same instant into one
        // post, not a second one while the first is on its way. By position, as the second may land on the next page.
        var box = (await page.GetByTestId("login-submit").BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.ClickAsync(x, y);
        await Task.Delay(50);
        await page.Mouse.ClickAsync(x, y);

        await Expect(page.GetByTestId("account-name")).ToHaveTextAsync("두번로그인");
        await Expect(page.GetByTestId("login-error")).ToHaveCountAsync(0);
        Assert.Equal(1, posts);
    }

    [RequirementFact]
    public async Task DoubleClickingReviewSaveStoresOneReview()
    {
        var content = $"두 번 눌러도 한 번만 저장되어야 하는 리뷰 {Guid.NewGuid().ToString("N")[..8]}";
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync($"movies/{fixture.Sample.MovieId}");
        await page.GetByTestId("review-author").FillAsync("두번클릭");
        await page.GetByTestId("review-content").FillAsync(content);

        await page.GetByTestId("review-submit").DblClickAsync();

        await Expect(page.GetByTestId("review-result")).ToBeVisibleAsync();
        // The second click is dropped, not answered with "리뷰 내용은 필수입니다" for the emptied form.
        await Expect(page.GetByTestId("review-content-error")).ToHaveCountAsync(0);
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var reviews = await client.GetFromJsonAsync<JsonArray>($"api/reviews/movie/{fixture.Sample.MovieId}?limit=1000");
        Assert.Single(reviews!, r => (string?)r!["content"] == content);
    }
}

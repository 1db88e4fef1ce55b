using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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

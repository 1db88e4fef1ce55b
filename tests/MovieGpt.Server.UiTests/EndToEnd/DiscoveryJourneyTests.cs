using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class DiscoveryJourneyTests(BrowserFixture fixture)
{
    private static readonly string[] s_praise =
    [
        "정말 재미있고 감동적인 최고의 영화였어요",
        "배우들 연기가 너무 좋았고 마지막 장면에서 눈물이 났어요",
        "올해 본 영화 중 최고! 음악도 영상미도 완벽했다",
    ];

    [RequirementFact]
    public async Task AReviewedMovieAppearsInTheRankingsAndLikeMoviesOnItsPage()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        string genre = $"미스터리{tag}", director = $"윤해준{tag}";
        var classic = await AddMovieAsync($"안개 속의 집 {tag}", director, $"{genre}, 드라마", reviews: 12);
        var fresh = await AddMovieAsync($"빛의 골목 {tag}", director, genre, reviews: 0);
        var page = await fixture.NewPageAsync();

        // Review the new movie on its page: it then ranks, but with one review it has no place yet.
        await page.GotoAsync($"movies/{fresh.Id}");
        await page.GetByTestId("review-author").FillAsync("탐정팬");
        await page.GetByTestId("review-content").FillAsync(s_praise[0]);
        await page.GetByTestId("review-submit").ClickAsync();
        await Expect(page.GetByTestId("stats-count")).ToHaveTextAsync("1");
        // Its like: same director and genre, said so in Korean.
        var similar = page.GetByTestId("similar-movies").GetByTestId("similar-movie").Filter(new() { HasText = classic.Title });
        await Expect(similar).ToHaveCountAsync(1);
        await Expect(similar.GetByTestId("similar-reason").First).ToHaveTextAsync("같은 감독");
        await Expect(similar.GetByTestId("similar-reason").Nth(1)).ToHaveTextAsync($"장르: {genre}");
        await fixture.Screenshots.SaveAsync(page, "similar");

        await page.GotoAsync("rankings");
        await page.GetByTestId("ranking-genre").FillAsync(genre);
        await page.GetByTestId("ranking-genre-submit").ClickAsync();
        var rows = page.GetByTestId("ranking-list").GetByTestId("ranked-movie");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0).GetByTestId("movie-line-title")).ToHaveTextAsync(classic.Title);
        await Expect(rows.Nth(0).GetByTestId("ranked-movie-rank")).ToHaveTextAsync("1");
        await Expect(rows.Nth(1).GetByTestId("movie-line-title")).ToHaveTextAsync(fresh.Title);
        await Expect(rows.Nth(1).GetByTestId("ranked-movie-needs-more")).ToHaveTextAsync("리뷰가 더 필요해요");
        await page.GetByTestId("ranking-genre").FillAsync("");
        await page.GetByTestId("ranking-genre-submit").ClickAsync();
        await Expect(page.GetByTestId("ranking-list").GetByTestId("ranked-movie").Filter(new() { HasText = classic.Title })).ToHaveCountAsync(1);
        await fixture.Screenshots.SaveAsync(page, "rankings");
        // The genre lives in the address: Back shows the rankings of the genre again, with the genre in its box.
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("genre="));
        await Expect(page.GetByTestId("ranking-genre")).ToHaveValueAsync(genre);
        await Expect(rows).ToHaveCountAsync(2);

        // The recommender keeps to the director asked for, best first.
        await page.GetByTestId("nav-recommend").ClickAsync();
        await page.GetByTestId("recommend-director").FillAsync(director);
        await page.GetByTestId("recommend-submit").ClickAsync();
        var recommended = page.GetByTestId("recommend-list").GetByTestId("recommended-movie");
        await Expect(recommended).ToHaveCountAsync(2);
        await Expect(recommended.First.GetByTestId("movie-line-title")).ToHaveTextAsync(classic.Title);
        await page.GetByTestId("recommend-director").FillAsync("");
        await page.GetByTestId("recommend-submit").ClickAsync();
        await Expect(page.GetByTestId("recommend-list")).ToBeVisibleAsync();
        await fixture.Screenshots.SaveAsync(page, "recommend");
    }

    [RequirementFact]
    public async Task TheRankingTabsAreOneTabStopThatArrowKeysMoveAndChoose()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync("rankings");
        var tabs = page.GetByRole(AriaRole.Tab);
        await Expect(tabs).ToHaveCountAsync(4);
        Assert.Equal(["0", "-1", "-1", "-1"], await tabs.EvaluateAllAsync<string[]>("ts => ts.map(t => t.getAttribute('tabindex'))"));

        await tabs.First.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");

        var mostReviewed = page.GetByTestId("ranking-tab-mostreviewed");
        await Expect(mostReviewed).ToBeFocusedAsync();
        await Expect(mostReviewed).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(mostReviewed).ToHaveAttributeAsync("tabindex", "0");
        await Expect(page).ToHaveURLAsync(new Regex("list=most_reviewed"));
        await Expect(page.GetByRole(AriaRole.Tabpanel)).ToHaveAttributeAsync("aria-labelledby", "ranking-tab-mostreviewed");
        await fixture.Screenshots.SaveAsync(page, "rankings-keyboard");

        // From the first tab, left wraps to the last.
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        var divided = page.GetByTestId("ranking-tab-mostdivided");
        await Expect(divided).ToBeFocusedAsync();
        await Expect(divided).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page).ToHaveURLAsync(new Regex("list=most_divided"));
    }

    private async Task<MovieResponse> AddMovieAsync(string title, string director, string genre, int reviews)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var movie = await scope.ServiceProvider.GetRequiredService<IMovieService>().CreateAsync(
            new CreateMovieRequest { Title = title, ReleaseDate = "2025-10-01", Director = director, Genre = genre });
        var reviewService = scope.ServiceProvider.GetRequiredService<IReviewService>();
        for (var i = 0; i < reviews; i++)
        {
            await reviewService.CreateAsync(new CreateReviewRequest { MovieId = movie.Id, Author = $"관객{i + 1}", Content = s_praise[i % s_praise.Length] });
        }
        return movie;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Sentiment;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Services;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>A 별점 given with the keyboard shows first with the AI's hint; list state lives in the address and survives Back.</summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class StarsAndPagingJourneyTests(BrowserFixture fixture)
{
    private const string Text = "결말이 충격적이었어요. 배우들 연기도 훌륭하고 음악도 좋아서 두 번 봤습니다.";

    [RequirementFact]
    public async Task AStarRatingGivenWithTheKeyboardShowsFirstWithTheAiHint()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var movie = await scope.ServiceProvider.GetRequiredService<IMovieService>().CreateAsync(
            new CreateMovieRequest { Title = $"별점 극장 {Guid.NewGuid().ToString("N")[..6]}", Director = "한지수", Genre = "드라마", ReleaseDate = "2024-05-01" });
        var predicted = fixture.App.Services.GetRequiredService<ISentimentAnalyzer>().Analyze(Text).Rating;
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync($"movies/{movie.Id}");

        // The radios take the arrow keys: from half a star to four and a half.
        await page.GetByTestId("review-rating-1").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }
        await Expect(page.GetByTestId("review-rating")).ToHaveAttributeAsync("data-value", "9");
        await page.GetByTestId("review-author").FillAsync("별점관객");
        await page.GetByTestId("review-content").FillAsync(Text);
        await page.GetByTestId("review-spoiler-flag").CheckAsync();
        await page.GetByTestId("review-submit").ClickAsync();

        var review = page.GetByTestId("movie-reviews").GetByTestId("review-item").First;
        await Expect(review.GetByTestId("user-stars")).ToHaveAttributeAsync("data-rating", "9");
        await Expect(review.GetByTestId("review-ai-hint")).ToHaveTextAsync($"AI 예상 ★{predicted.ToString("0", CultureInfo.InvariantCulture)}");
        // The stars come before the (hidden) text.
        var order = await review.EvaluateAsync<string[]>("r => [...r.querySelectorAll('[data-testid]')].map(e => e.dataset.testid)");
        Assert.True(Array.IndexOf(order, "review-user-rating") < Array.IndexOf(order, "review-spoiler"));
        await Expect(review.GetByTestId("review-content-text")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("stats-user-rating-average")).ToHaveTextAsync("★ 9.0");
        await Expect(page.GetByTestId("stats-user-rating-count")).ToHaveTextAsync("1명 참여");
        await fixture.Screenshots.SaveAsync(page, "movie-stars");

        await review.GetByTestId("review-spoiler").ClickAsync();
        await Expect(review.GetByTestId("review-content-text")).ToHaveTextAsync(Text);
    }

    [RequirementFact]
    public async Task SearchPageAndSortSurviveBack()
    {
        var tag = $"페이지{Guid.NewGuid().ToString("N")[..6]}";
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var movies = scope.ServiceProvider.GetRequiredService<IMovieService>();
        for (var i = 0; i < 30; i++)
        {
            await movies.CreateAsync(new CreateMovieRequest { Title = $"{tag} 시리즈 {i + 1}", Director = "한지수", ReleaseDate = "2024-05-01" });
        }
        var page = await fixture.NewPageAsync();

        // Searched without the space; the address carries the query, and page 2 is a link.
        await page.GotoInteractiveAsync("movies");
        await page.GetByTestId("movie-search").FillAsync($"{tag}시리즈");
        await page.GetByTestId("movie-search-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("q="));
        await Expect(page.GetByTestId("movies-total")).ToHaveTextAsync("영화 30편");
        await page.GetByTestId("pager").GetByText("2", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await Expect(page.GetByTestId("pager-current")).ToHaveTextAsync("2");
        await fixture.Screenshots.SaveAsync(page, "movies-paging");
        var title = await page.GetByTestId("movie-card-title").First.TextContentAsync();

        await page.GetByTestId("movie-card-title").First.ClickAsync();
        await Expect(page.GetByTestId("movie-detail-title")).ToHaveTextAsync(title!);
        await page.GetByTestId("review-sort").SelectOptionAsync("rating_desc");
        await Expect(page).ToHaveURLAsync(new Regex("sort=rating_desc"));

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/movies/\d+$"));
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await Expect(page.GetByTestId("pager-current")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("movie-search")).ToHaveValueAsync($"{tag}시리즈");
        await Expect(page.GetByTestId("movie-card-title").First).ToHaveTextAsync(title!);
    }

    [RequirementFact]
    public async Task TheNegativeFilterAndTheHighestRatedOrderChosenAtOnceBothApply()
    {
        (string Text, int Rating)[] written =
        [
            ("스토리가 지루하고 연기도 어색해서 정말 실망했어요.", 2),
            ("배우들 연기가 훌륭하고 음악도 최고였어요!", 9),
            ("최악의 영화. 돈과 시간이 아까웠습니다.", 1),
            ("감동적이고 아름다운 영화, 강력 추천합니다.", 10),
            ("개연성이 없고 결말도 엉망이라 화가 났어요.", 4),
        ];
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var movie = await scope.ServiceProvider.GetRequiredService<IMovieService>().CreateAsync(
            new CreateMovieRequest { Title = $"감성 극장 {Guid.NewGuid().ToString("N")[..6]}", Director = "한지수", ReleaseDate = "2024-05-01" });
        var reviews = scope.ServiceProvider.GetRequiredService<IReviewService>();
        var negativeRatings = new List<int>();
        foreach (var (text, rating) in written)
        {
            var stored = await reviews.CreateAsync(new CreateReviewRequest { MovieId = movie.Id, Author = "감성관객", Content = text, UserRating = rating });
            if (stored!.SentimentLabel == SentimentLabels.Negative)
            {
                negativeRatings.Add(rating);
            }
        }
        // The model, not this test, says which are negative; the order is only seen with two of them or more.
        Assert.True(negativeRatings.Count >= 2, $"The model read {negativeRatings.Count} of the reviews as negative.");
        var page = await fixture.NewPageAsync();
        await page.GotoInteractiveAsync($"movies/{movie.Id}");

        // One right after the other, before the first navigation comes back.
        await page.GetByTestId("sentiment-filter").SelectOptionAsync(SentimentLabels.Negative);
        await page.GetByTestId("review-sort").SelectOptionAsync("rating_desc");

        await Expect(page).ToHaveURLAsync(new Regex($"sentiment={SentimentLabels.Negative}"));
        await Expect(page).ToHaveURLAsync(new Regex("sort=rating_desc"));
        var items = page.GetByTestId("movie-reviews").GetByTestId("review-item");
        await Expect(items).ToHaveCountAsync(negativeRatings.Count);
        // Each row waits for its own rating: the list may show the filtered reviews newest first for a moment.
        var expected = negativeRatings.OrderDescending().ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            await Expect(items.Nth(i).GetByTestId("user-stars")).ToHaveAttributeAsync("data-rating", expected[i].ToString(CultureInfo.InvariantCulture));
        }
        var labels = await items.Locator("[data-testid=review-sentiment] [data-testid=sentiment-badge]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.label)");
        Assert.Equal(Enumerable.Repeat(SentimentLabels.Negative, expected.Count), labels);
    }

    [RequirementFact]
    public async Task APageOfLongReviewsStillBecomesInteractive()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var movie = await scope.ServiceProvider.GetRequiredService<IMovieService>().CreateAsync(
            new CreateMovieRequest { Title = $"긴 리뷰 극장 {Guid.NewGuid().ToString("N")[..6]}", Director = "한지수", ReleaseDate = "2024-05-01" });
        var reviews = scope.ServiceProvider.GetRequiredService<IReviewService>();
        // Ten reviews at the 5,000-character maximum, each naming all five aspects in one run-on clause: the state the
        // prerender hands the circuit is far past SignalR's 32 KB default, and would pass the hub's 2 MB if each
        // aspect quoted its whole clause (EvidenceWindow).
        var text = ("연기 스토리 연출 액션 음악 모두 " + string.Concat(Enumerable.Repeat("정말 대단한 장면 장면이 이어지는 영화 ", 240)))[..5000];
        for (var i = 0; i < 10; i++)
        {
            await reviews.CreateAsync(new CreateReviewRequest { MovieId = movie.Id, Author = $"긴글{i}", Content = text });
        }
        var page = await fixture.NewPageAsync();

        await page.GotoInteractiveAsync($"movies/{movie.Id}");

        await page.GetByTestId("sentiment-filter").SelectOptionAsync(SentimentLabels.Negative);
        await Expect(page).ToHaveURLAsync(new Regex($"sentiment={SentimentLabels.Negative}"));
    }
}

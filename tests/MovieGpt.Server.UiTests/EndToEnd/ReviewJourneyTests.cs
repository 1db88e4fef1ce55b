using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MovieGpt.Sentiment;
using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Services;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class ReviewJourneyTests(BrowserFixture fixture)
{
    private const string PositiveText = "정말 최고의 영화였어요. 배우들 연기가 훌륭하고 마지막 장면은 감동 그 자체였습니다.";
    private const string NegativeText = "너무 지루하고 시간 낭비였어요. 스토리도 엉망이고 연기도 어색해서 최악이었습니다.";

    [RequirementFact]
    public async Task AMovieIsAddedReviewedSearchedAndDeletedWithItsReviews()
    {
        var title = $"별빛 정류장 {Guid.NewGuid().ToString("N")[..6]}";
        var engine = fixture.App.Services.GetRequiredService<ISentimentAnalyzer>();
        var positive = engine.Analyze(PositiveText);
        var negative = engine.Analyze(NegativeText);
        var page = await fixture.NewPageAsync();

        // Add the movie: the empty form is refused beside the title, the filled one lands on the movie's page.
        await page.GotoAsync("movies/new");
        await page.GetByTestId("movie-submit").ClickAsync();
        await Expect(page.GetByTestId("movie-title-error")).ToHaveTextAsync("제목은 필수입니다.");
        await page.GetByTestId("movie-title").FillAsync(title);
        await page.GetByTestId("movie-release-date").FillAsync("2024-05-01");
        await page.GetByTestId("movie-director").FillAsync("한지수");
        await page.GetByTestId("movie-genre").FillAsync("드라마");
        await Expect(page.GetByTestId("movie-title-error")).ToHaveCountAsync(0);
        await fixture.Screenshots.SaveAsync(page, "movie-new");
        await page.GetByTestId("movie-submit").ClickAsync();
        // Blazor navigates inside the document (no load event), so poll the address rather than wait for a load.
        await Expect(page).ToHaveURLAsync(new Regex(@"/movies/\d+$"));
        await Expect(page.GetByTestId("movie-detail-title")).ToHaveTextAsync(title);
        var movieId = int.Parse(Regex.Match(page.Url, @"/movies/(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // It is listed.
        await page.GotoAsync("movies");
        await Expect(page.GetByTestId("movie-card").Filter(new() { HasText = title })).ToHaveCountAsync(1);

        // A review written on the review page: the live preview and the stored result are the engine's verdict.
        await page.GotoAsync($"reviews/new?movieId={movieId}");
        await Expect(page.GetByTestId("review-movie")).ToHaveValueAsync(movieId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("review-author").FillAsync("영화광");
        await page.GetByTestId("review-content").FillAsync(PositiveText);
        await Expect(page.GetByTestId("live-preview-result").GetByTestId("sentiment-badge")).ToHaveAttributeAsync("data-label", positive.Label);
        await fixture.Screenshots.SaveAsync(page, "review-new");
        await page.GetByTestId("review-submit").ClickAsync();
        await ExpectVerdictAsync(page.GetByTestId("review-result"), positive);
        await fixture.Screenshots.SaveAsync(page, "review-saved");

        // A second review on the movie's own page; the statistics and charts follow.
        await page.GotoAsync($"movies/{movieId}");
        await Expect(page.GetByTestId("stats-count")).ToHaveTextAsync("1");
        await page.GetByTestId("review-author").FillAsync("깐깐한관객");
        await page.GetByTestId("review-content").FillAsync(NegativeText);
        await page.GetByTestId("review-submit").ClickAsync();
        await ExpectVerdictAsync(page.GetByTestId("review-result"), negative);
        await Expect(page.GetByTestId("stats-count")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("movie-reviews").GetByTestId("review-item")).ToHaveCountAsync(2);
        string[] labels = [positive.Label, negative.Label];
        await Expect(page.GetByTestId("stats-positive")).ToHaveTextAsync(Count(labels, SentimentLabels.Positive));
        await Expect(page.GetByTestId("stats-negative")).ToHaveTextAsync(Count(labels, SentimentLabels.Negative));
        await Expect(page.GetByTestId("donut-slice")).ToHaveCountAsync(labels.Distinct().Count());
        var barCounts = await page.GetByTestId("histogram-bar").EvaluateAllAsync<int[]>("bars => bars.map(b => Number(b.dataset.count))");
        Assert.Equal(2, barCounts.Sum());
        await fixture.Screenshots.SaveAsync(page, "movie-detail");

        // The home page and the review list show them.
        await page.GotoAsync("");
        await Expect(page.GetByTestId("home-latest").GetByTestId("review-item").Filter(new() { HasText = title })).ToHaveCountAsync(2);
        await fixture.Screenshots.SaveAsync(page, "home");
        // The filter finds the movie by search (the catalog may be longer than its list), labelled with year and director.
        await page.GotoAsync("reviews");
        await page.GetByTestId("review-filter-search").FillAsync(title[^6..]);
        await Expect(page.GetByTestId("review-filter-status")).ToHaveTextAsync($"‘{title[^6..]}’에 맞는 영화 1편");
        await Expect(page.GetByTestId("review-filter").Locator("option:not([value='0'])")).ToHaveTextAsync([$"{title} · 2024 · 한지수"]);
        await page.GetByTestId("review-filter").SelectOptionAsync(movieId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("reviews-total")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("stats-count")).ToHaveTextAsync("2");
        await fixture.Screenshots.SaveAsync(page, "reviews");

        // Search finds it; deleting it (after a confirmation that names its reviews) takes its reviews along.
        await page.GotoAsync("movies");
        await page.GetByTestId("movie-search").FillAsync(title[^6..]);
        await page.GetByTestId("movie-search-submit").ClickAsync();
        await Expect(page.GetByTestId("movie-card")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("movie-card-title")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("movie-card-review-count")).ToHaveTextAsync("리뷰 2개");
        await fixture.Screenshots.SaveAsync(page, "movies");
        await page.GetByTestId("movie-delete").ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("리뷰 2개");
        await fixture.Screenshots.SaveAsync(page, "movie-delete-confirm");
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(page.GetByTestId("movies-empty")).ToBeVisibleAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IReviewService>().CountAsync(movieId));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IMovieService>().GetAsync(movieId));
    }

    private static async Task ExpectVerdictAsync(ILocator result, SentimentResult expected)
    {
        var badge = result.GetByTestId("sentiment-badge");
        await Expect(badge).ToHaveAttributeAsync("data-label", expected.Label);
        await Expect(badge).ToContainTextAsync(SentimentText.Korean(expected.Label));
        await Expect(result.GetByTestId("confidence-value")).ToHaveTextAsync(SentimentText.Percent(expected.Score));
        await Expect(result.GetByTestId("rating-stars")).ToHaveAttributeAsync("data-rating", expected.Rating.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Count(string[] labels, string label) =>
        labels.Count(l => l == label).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

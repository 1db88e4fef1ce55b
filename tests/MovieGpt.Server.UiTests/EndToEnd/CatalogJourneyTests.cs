using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MovieGpt.Testing.Tmdb;
using static Microsoft.Playwright.Assertions;

namespace MovieGpt.Server.UiTests.EndToEnd;

/// <summary>
/// 영화 추가 with the catalog: an app of its own, pointed at a fake TMDB on loopback, in the shared Chromium; and the
/// shared app, which has no key, saying how to turn the search on.
/// </summary>
[Collection(BrowserCollection.Name)]
[RequiresChromium]
public sealed class CatalogJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private FakeTmdb? _tmdb;
    private OwnApp? _app;

    public async Task InitializeAsync()
    {
        if (!Requirement.Chromium.IsMet)
        {
            return;
        }
        _tmdb = await FakeTmdb.StartAsync();
        _app = new OwnApp(_tmdb.Settings());
    }

    [RequirementFact]
    public async Task AMovieFoundInTheCatalogIsAddedInOneClickAndItsPageShowsPlotAndCast()
    {
        var page = await _app!.NewPageAsync(fixture.Browser);

        await page.GotoInteractiveAsync("movies/new");
        var query = page.GetByTestId("catalog-query");
        // Keystrokes, as a user types them, each one an input event: the box must keep every key even when a render
        // for an earlier key arrives after a later one was typed. It is disabled until its component is interactive.
        await Expect(query).ToBeEnabledAsync();
        await query.PressSequentiallyAsync("올드보이");
        await Expect(query).ToHaveValueAsync("올드보이");
        var hit = page.GetByTestId("catalog-hit");
        await Expect(hit).ToHaveCountAsync(1);
        await Expect(hit.GetByTestId("catalog-hit-title")).ToHaveTextAsync("올드보이");
        await Expect(hit).ToContainTextAsync("2003");
        await Expect(hit.GetByTestId("poster-image")).ToBeVisibleAsync();
        await page.GetByTestId("catalog-query").FillAsync("기생충");
        await Expect(hit.GetByTestId("catalog-hit-title")).ToHaveTextAsync("기생충");
        await Expect(hit.GetByTestId("poster-image")).ToBeVisibleAsync();
        await page.GetByTestId("catalog-query").FillAsync(FakeTmdbMovies.SeriesQuery);
        await Expect(hit).ToHaveCountAsync(10);
        await Expect(hit.First.GetByTestId("catalog-hit-original")).ToContainTextAsync("원제 Series Film 1");
        await Expect(hit.GetByTestId("poster-image")).ToHaveCountAsync(10);
        await fixture.Screenshots.SaveAsync(page, "catalog-search");

        await page.GetByTestId("catalog-query").FillAsync("기생충");
        await Expect(hit).ToHaveCountAsync(1);
        await hit.GetByTestId("catalog-add").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/movies/\d+$"));
        await Expect(page.GetByTestId("movie-detail-title")).ToHaveTextAsync("기생충");
        await Expect(page.GetByTestId("movie-plot")).ToContainTextAsync("전원 백수로 살 길 막막하지만");
        var cast = page.GetByTestId("movie-cast-member");
        await Expect(cast).ToHaveCountAsync(10);
        await Expect(cast.First).ToHaveTextAsync("송강호");
        await Expect(page.GetByTestId("movie-genres").Locator("li")).ToHaveTextAsync(["코미디", "스릴러", "드라마"]);
        await Expect(page.GetByTestId("movie-runtime")).ToHaveTextAsync("132분");
        await fixture.Screenshots.SaveAsync(page, "movie-detail-catalog");

        // Reviewed once, the added movie is in the rankings, without a place until it has more reviews.
        await page.GetByTestId("review-author").FillAsync("영화광");
        await page.GetByTestId("review-content").FillAsync("배우들 연기가 너무 좋았고 마지막 장면에서 눈물이 났어요");
        await page.GetByTestId("review-submit").ClickAsync();
        await Expect(page.GetByTestId("stats-count")).ToHaveTextAsync("1");
        await page.GotoAsync("rankings");
        var ranked = page.GetByTestId("ranking-list").GetByTestId("ranked-movie").Filter(new() { HasText = "기생충" });
        await Expect(ranked).ToHaveCountAsync(1);
        await Expect(ranked.GetByTestId("ranked-movie-needs-more")).ToHaveTextAsync("리뷰가 더 필요해요");

        // Again: the record is registered, so the page links to it instead of storing a second copy.
        await page.GotoInteractiveAsync("movies/new");
        await page.GetByTestId("catalog-query").FillAsync("기생충");
        await page.GetByTestId("catalog-hit").GetByTestId("catalog-add").ClickAsync();
        await Expect(page.GetByTestId("catalog-existing")).ToContainTextAsync("이미 등록된 영화예요");
    }

    [RequirementFact]
    public async Task WithoutAKeyThePageSaysHowToTurnTheSearchOnAndKeepsTheForm()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("movies/new");

        await Expect(page.GetByTestId("catalog-disabled")).ToContainTextAsync("Tmdb__ApiKey");
        await Expect(page.GetByTestId("movie-form")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("catalog-query")).ToHaveCountAsync(0);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_tmdb is not null)
        {
            await _tmdb.DisposeAsync();
        }
    }
}

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Catalog;
using MovieGpt.Server.Components.Catalog;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.UiTests.Fakes;

namespace MovieGpt.Server.UiTests.Components;

public sealed class CatalogSearchTests : UiTestContext
{
    // Long enough that the test types every letter before it ends; only the wait for the result gets longer.
    private const int Debounce = 1500;

    private FakeCatalogProvider Catalog { get; set; } = new();

    private IRenderedComponent<CatalogSearch> RenderSearch(Action<MovieResponse>? created = null, FakeCatalogProvider? catalog = null)
    {
        Catalog = catalog ?? Catalog;
        CatalogProvider = Catalog;
        return Render<CatalogSearch>(p => p
            .Add(c => c.DebounceMilliseconds, Debounce)
            .Add(c => c.OnCreated, movie => created?.Invoke(movie)));
    }

    [Fact]
    public void WithoutAKeyItSaysWhichSettingTurnsTheSearchOn()
    {
        var cut = RenderSearch(catalog: new FakeCatalogProvider(enabled: false));

        Assert.Contains("Tmdb__ApiKey", cut.Find("[data-testid=catalog-disabled]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=catalog-query]"));
    }

    [Fact]
    public async Task TypingAsksTheCatalogOnceWithTheLastTextAndListsTheHits()
    {
        var cut = RenderSearch();

        // Found again for each key, on the renderer's thread: a bound box gets a new handler with every render.
        foreach (var typed in new[] { "기", "기생", "기생충" })
        {
            await cut.InvokeAsync(() => cut.Find("[data-testid=catalog-query]").Input(typed));
        }

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=catalog-hit]")), TimeSpan.FromSeconds(30));
        Assert.Equal(["기생충"], Catalog.Queries);
        var hit = cut.Find("[data-testid=catalog-hit]");
        Assert.Equal("기생충", hit.QuerySelector("[data-testid=catalog-hit-title]")!.TextContent);
        Assert.Contains("2019", hit.TextContent);
        Assert.Contains("원제 Parasite", hit.QuerySelector("[data-testid=catalog-hit-original]")!.TextContent);
        Assert.Equal("https://image.example/parasite.jpg", hit.QuerySelector("img")!.GetAttribute("src"));
    }

    [Fact]
    public void OneClickStoresTheRecordAndHandsBackTheMovie()
    {
        MovieResponse? created = null;
        var cut = RenderSearch(movie => created = movie);
        cut.Find("[data-testid=catalog-query]").Input("기생충");
        cut.WaitForElement("[data-testid=catalog-add]", TimeSpan.FromSeconds(30));

        cut.Find("[data-testid=catalog-add]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(created));
        var request = Assert.Single(Movies.Created);
        Assert.Equal(("기생충", "tmdb:496243", "봉준호"), (request.Title, request.ExternalId, request.Director));
        Assert.Equal(["송강호", "이선균", "조여정"], request.Actors);
        Assert.Equal(["코미디", "스릴러", "드라마"], created!.Genres);
    }

    [Fact]
    public async Task AnAlreadyRegisteredHitLinksToItsMovieInsteadOfAddingItAgain()
    {
        var existing = await Movies.CreateAsync(CatalogImport.ToRequest(FakeCatalogProvider.Parasite));
        var cut = RenderSearch();
        cut.Find("[data-testid=catalog-query]").Input("기생충");
        cut.WaitForElement("[data-testid=catalog-add]", TimeSpan.FromSeconds(30));

        cut.Find("[data-testid=catalog-add]").Click();

        cut.WaitForAssertion(() => Assert.Equal($"movies/{existing.Id}", cut.Find("[data-testid=catalog-existing] a").GetAttribute("href")));
        Assert.Single(Movies.Created);
    }

    [Fact]
    public void ACatalogFailureIsToldInKorean()
    {
        Catalog.Failure = new CatalogException(CatalogFailure.Timeout, "late");
        var cut = RenderSearch();

        cut.Find("[data-testid=catalog-query]").Input("기생충");

        cut.WaitForAssertion(() => Assert.Contains("제때 답하지 않았어요", cut.Find("[data-testid=catalog-error]").TextContent), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void TheMoviePageShowsGenresPlotAndCastChips()
    {
        var movie = new MovieResponse(1, "기생충", "2019-05-30", "봉준호", "코미디, 드라마", null, DateTime.UtcNow, 0, 0)
        {
            Genres = ["코미디", "드라마"],
            Actors = ["송강호", "이선균"],
            PlotSummary = "전원 백수로 살 길 막막한 기택 가족.",
        };

        var cut = Render<MovieCatalogInfo>(p => p.Add(c => c.Movie, movie));

        Assert.Equal(["코미디", "드라마"], cut.FindAll("[data-testid=movie-genres] li").Select(li => li.TextContent));
        Assert.Equal(["송강호", "이선균"], cut.FindAll("[data-testid=movie-cast-member]").Select(li => li.TextContent));
        Assert.Equal("전원 백수로 살 길 막막한 기택 가족.", cut.Find("[data-testid=movie-plot]").TextContent);
    }
}

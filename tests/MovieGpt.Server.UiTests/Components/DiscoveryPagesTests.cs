using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Components.Pages.Rankings;
using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.UiTests.Fakes;

namespace MovieGpt.Server.UiTests.Components;

public sealed class DiscoveryPagesTests : UiTestContext
{
    // The pages' controls are enabled once interactive, as they are after the circuit connects.
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    public DiscoveryPagesTests() => Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void TheBestListShowsRanksAndAsksForMoreReviewsInsteadOfARank()
    {
        Discovery.Rankings = Discovery.Rankings with
        {
            Best = [FakeDiscoveryService.Ranked(1, "백 번의 호평", 1, 100), FakeDiscoveryService.Ranked(2, "한 번의 극찬", null, 1)],
        };

        var cut = Render<Rankings>();

        var rows = cut.FindAll("[data-testid=ranked-movie]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("1", rows[0].QuerySelector("[data-testid=ranked-movie-rank]")!.TextContent);
        Assert.Null(rows[1].QuerySelector("[data-testid=ranked-movie-rank]"));
        Assert.Equal("리뷰가 더 필요해요", rows[1].QuerySelector("[data-testid=ranked-movie-needs-more]")!.TextContent);
    }

    [Fact]
    public void EachTabShowsItsOwnList()
    {
        Discovery.Rankings = Discovery.Rankings with
        {
            Best = [FakeDiscoveryService.Ranked(1, "최고작", 1, 30)],
            Trending = [FakeDiscoveryService.Ranked(2, "화제작", 1, 5), FakeDiscoveryService.Ranked(3, "또 화제작", 2, 4)],
            MostDivided = [],
        };
        var cut = Render<Rankings>();

        cut.Find("[data-testid=ranking-tab-trending]").Click();
        Assert.Equal(["화제작", "또 화제작"], cut.FindAll("[data-testid=movie-line-title]").Select(t => t.TextContent));
        Assert.NotEmpty(cut.FindAll("[data-testid=ranked-movie-trend]"));

        cut.Find("[data-testid=ranking-tab-mostdivided]").Click();
        Assert.NotNull(cut.Find("[data-testid=ranking-empty]"));
    }

    [Fact]
    public void ThePeriodAndGenreGoInTheAddressAndAskForThoseRankings()
    {
        var cut = Render<Rankings>();

        // The genre applied right after the period, before the first navigation comes back, keeps the period.
        cut.Find("[data-testid=ranking-period]").Change("7d");
        cut.Find("[data-testid=ranking-genre]").Change("스릴러");
        cut.Find("[data-testid=ranking-genre-submit]").Click();

        var query = new Uri(Navigation.Uri).Query;
        Assert.Contains("period=7d", query);
        Assert.Contains($"genre={Uri.EscapeDataString("스릴러")}", query);
        cut.WaitForAssertion(() => Assert.Equal(new RankingQuery(RankingPeriod.SevenDays, "스릴러", 20), Discovery.RankingQueries[^1]));
    }

    [Fact]
    public void TheChosenTabGoesInTheAddressAndAnAddressOpensItsTab()
    {
        var cut = Render<Rankings>();

        cut.Find("[data-testid=ranking-period]").Change("30d");
        cut.Find("[data-testid=ranking-tab-trending]").Click();

        var query = new Uri(Navigation.Uri).Query;
        Assert.Contains("list=trending", query);
        Assert.Contains("period=30d", query);

        Navigation.NavigateTo("rankings?list=most_reviewed");
        var opened = Render<Rankings>();
        Assert.Equal("true", opened.Find("[data-testid=ranking-tab-mostreviewed]").GetAttribute("aria-selected"));
        Assert.Equal("MostReviewed", opened.Find("[data-testid=ranking-panel]").GetAttribute("data-kind"));
    }

    [Fact]
    public void AnAddressWithAPeriodAndGenreShowsThoseRankings()
    {
        Navigation.NavigateTo($"rankings?period=30d&genre={Uri.EscapeDataString("로맨스")}");

        var cut = Render<Rankings>();

        Assert.Equal(new RankingQuery(RankingPeriod.ThirtyDays, "로맨스", 20), Assert.Single(Discovery.RankingQueries));
        Assert.Equal("30d", cut.Find("[data-testid=ranking-period]").GetAttribute("value"));
        Assert.Equal("로맨스", cut.Find("[data-testid=ranking-genre]").GetAttribute("value"));
    }

    [Fact]
    public void TheRecommendPageSendsEveryFilter()
    {
        Discovery.Recommended.Add(Movies.Add("추천작") with { AdjustedScore = 0.81, ReviewCount = 12 });
        var cut = Render<Recommend>();
        Assert.Single(cut.FindAll("[data-testid=recommended-movie]"));

        cut.Find("[data-testid=recommend-genre]").Change("스릴러");
        cut.Find("[data-testid=recommend-director]").Change("봉준호");
        cut.Find("[data-testid=recommend-actor]").Change("송강호");
        cut.Find("[data-testid=recommend-min-score]").Change("0.7");
        cut.Find("[data-testid=recommend-form]").Submit();

        Assert.Equal(new RecommendQuery("스릴러", "봉준호", "송강호", 0.7, 20), Discovery.RecommendQueries[^1]);
    }

    [Fact]
    public void RecommendIsDisabledWhileItsRequestRunsAndASecondSubmitAsksNothing()
    {
        Discovery.Recommended.Add(Movies.Add("추천작") with { AdjustedScore = 0.81, ReviewCount = 12 });
        var cut = Render<Recommend>();
        Discovery.HoldRecommendations = new TaskCompletionSource();

        cut.Find("[data-testid=recommend-genre]").Change("스릴러");
        cut.Find("[data-testid=recommend-form]").Submit();
        Assert.True(cut.Find("[data-testid=recommend-submit]").HasAttribute("disabled"));
        // Enter in a field submits even with the button disabled.
        cut.Find("[data-testid=recommend-form]").Submit();
        Discovery.HoldRecommendations.SetResult();

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=recommend-submit]").HasAttribute("disabled")));
        Assert.Equal(2, Discovery.RecommendQueries.Count);
        Assert.Equal("추천 받기", cut.Find("[data-testid=recommend-submit]").TextContent);
    }

    [Fact]
    public void SimilarMoviesShowTheirReasons()
    {
        Discovery.Similar[1] =
        [
            new SimilarMovieResponse(2, "살인의 추억", null, "봉준호", "스릴러", null, 25, 0.89, 0.82, 0.92, 0.58, ["같은 감독", "장르: 스릴러", "긍정 리뷰 92%"]),
        ];

        var cut = Render<SimilarMovies>(p => p.Add(c => c.MovieId, 1));

        Assert.Equal("살인의 추억", cut.Find("[data-testid=similar-movie-title]").TextContent);
        Assert.Equal(["같은 감독", "장르: 스릴러", "긍정 리뷰 92%"], cut.FindAll("[data-testid=similar-reason]").Select(r => r.TextContent));
    }

    [Fact]
    public void AMovieWithNothingInCommonSaysSo()
    {
        var cut = Render<SimilarMovies>(p => p.Add(c => c.MovieId, 5));

        Assert.NotNull(cut.Find("[data-testid=similar-empty]"));
    }
}

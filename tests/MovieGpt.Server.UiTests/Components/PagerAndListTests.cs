using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Sentiment;
using MovieGpt.Server.Components.Forms;
using MovieGpt.Server.Components.Pages.Movies;
using MovieGpt.Server.Components.Shared;

namespace MovieGpt.Server.UiTests.Components;

/// <summary>Numbered paging, list state in the address, thousands separators, the duplicate-title warning.</summary>
public sealed class PagerAndListTests : UiTestContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Theory]
    [InlineData(1, 436, new[] { 1, 2, 3, 0, 436 })]
    [InlineData(5, 436, new[] { 1, 2, 3, 4, 5, 6, 7, 0, 436 })]
    [InlineData(200, 436, new[] { 1, 0, 198, 199, 200, 201, 202, 0, 436 })]
    [InlineData(436, 436, new[] { 1, 0, 434, 435, 436 })]
    [InlineData(2, 3, new[] { 1, 2, 3 })]
    public void ThePagerShowsTheEndsAndTheNeighboursWithGaps(int page, int count, int[] expected) =>
        Assert.Equal(expected, Pager.Items(page, count));

    [Fact]
    public void PagesAreNumberedLinksWithThousandsSeparators()
    {
        var cut = Render<Pager>(p => p
            .Add(x => x.Page, 1).Add(x => x.PageSize, 10).Add(x => x.Total, 43_600)
            .Add(x => x.HrefFor, (Func<int, string>)(n => $"movies?page={n}")));

        Assert.Equal("1", cut.Find("[data-testid=pager-current]").TextContent);
        Assert.Equal("page", cut.Find("[data-testid=pager-current]").GetAttribute("aria-current"));
        var links = cut.FindAll("[data-testid=pager-page]");
        Assert.Equal(["2", "3", "4,360"], links.Select(a => a.TextContent));
        Assert.Equal("movies?page=4360", links[^1].GetAttribute("href"));
        Assert.Equal("movies?page=2", cut.Find("[data-testid=pager-next]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=pager-prev]"));
    }

    [Fact]
    public void TheMovieListReadsSearchAndPageFromTheAddress()
    {
        for (var i = 0; i < 15; i++)
        {
            Movies.Add($"시리즈 {i}");
        }
        Movies.Add("기생충", "2019-05-30", "봉준호");
        Navigation.NavigateTo("movies?q=%EC%8B%9C%EB%A6%AC%EC%A6%88&page=2");

        var cut = Render<MovieList>();

        Assert.Equal("영화 15편", cut.Find("[data-testid=movies-total]").TextContent);
        Assert.Equal(3, cut.FindAll("[data-testid=movie-card]").Count);
        Assert.Equal("2", cut.Find("[data-testid=pager-current]").TextContent);
        Assert.Equal("시리즈", cut.Find("[data-testid=movie-search]").GetAttribute("value"));
    }

    [Fact]
    public void SearchingPutsTheQueryInTheAddress()
    {
        Movies.Add("기생충", "2019-05-30", "봉준호");
        var cut = Render<MovieList>();

        cut.Find("[data-testid=movie-search]").Change("ㄱㅅㅊ");
        cut.Find("form").Submit();

        Assert.Contains("q=%E3%84%B1%E3%85%85%E3%85%8A", Navigation.Uri);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=movie-card]")));
    }

    [Fact]
    public void ASortChosenRightAfterASentimentKeepsTheSentiment()
    {
        Navigation.NavigateTo("reviews");
        // The parameters stay as first given, as when the first navigation has not come back yet.
        var cut = Render<ReviewListControls>();

        cut.Find("[data-testid=sentiment-filter]").Change(SentimentLabels.Negative);
        cut.Find("[data-testid=review-sort]").Change("rating_desc");

        var query = new Uri(Navigation.Uri).Query;
        Assert.Contains($"sentiment={SentimentLabels.Negative}", query);
        Assert.Contains("sort=rating_desc", query);
    }

    [Fact]
    public void AddingATitleThatExistsWarnsWithALinkAndAddsOnlyFromTheWarningsButton()
    {
        var existing = Movies.Add("기생충", "2019-05-30", "봉준호");
        var cut = Render<MovieForm>();

        cut.Find("[data-testid=movie-title]").Change("기생충");
        cut.Find("[data-testid=movie-release-date]").Change("2019-05-30");

        var link = cut.Find("[data-testid=movie-duplicate-link]");
        Assert.Equal($"movies/{existing.Id}", link.GetAttribute("href"));
        Assert.Equal("기생충 · 2019 · 봉준호", link.TextContent);

        // Submitting again (the second click of a double click) is no confirmation.
        cut.Find("form").Submit();
        cut.Find("form").Submit();
        Assert.Empty(Movies.Created);
        Assert.Equal("영화 추가", cut.Find("[data-testid=movie-submit]").TextContent.Trim());

        cut.Find("[data-testid=movie-duplicate-confirm]").Click();
        Assert.Single(Movies.Created);
    }

    [Fact]
    public void ANewTitleHasNoWarning()
    {
        Movies.Add("기생충", "2019-05-30", "봉준호");
        var cut = Render<MovieForm>();

        cut.Find("[data-testid=movie-title]").Change("마더");
        cut.Find("form").Submit();

        Assert.Empty(cut.FindAll("[data-testid=movie-duplicate-warning]"));
        Assert.Single(Movies.Created);
    }
}

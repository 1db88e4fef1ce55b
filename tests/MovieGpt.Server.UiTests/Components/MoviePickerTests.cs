using System.Globalization;
using MovieGpt.Server.Components.Forms;
using MovieGpt.Server.Components.Pages.Reviews;
using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.UiTests.Components;

/// <summary>The movie pickers of the review form and the review list: they search the catalog instead of listing it whole.</summary>
public sealed class MoviePickerTests : UiTestContext
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TypingNarrowsTheListToMatchingMoviesEachWithYearAndDirector()
    {
        var older = Movies.Add("괴물", "2006-07-27", "봉준호");
        Movies.Add("마더", "2009-05-28", "봉준호");
        Movies.Add("괴물", "2023-06-02", "고레에다 히로카즈");
        var cut = Render<ReviewForm>();

        cut.Find("[data-testid=review-movie-search]").Input("괴물");

        cut.WaitForAssertion(() => Assert.Equal(["괴물 · 2023 · 고레에다 히로카즈", "괴물 · 2006 · 봉준호"], MovieOptions(cut, "review-movie")), s_wait);
        Assert.Equal("‘괴물’에 맞는 영화 2편", cut.Find("[data-testid=review-movie-status]").TextContent);

        // Each element is found and used in one dispatcher turn: the form re-renders on its own (the search answering,
        // the live preview), and an element found a turn earlier can hold an event handler that is gone.
        await cut.InvokeAsync(() => cut.Find("[data-testid=review-movie]").Change(Id(older)));
        await cut.InvokeAsync(() => cut.Find("[data-testid=review-author]").Change("관객"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=review-content]").Input("괴물이 한강에서 나오는 장면이 압권"));
        await cut.InvokeAsync(() => cut.Find("form").Submit());

        // The save awaits the rate-limit permit and the viewer before it stores.
        cut.WaitForAssertion(() => Assert.Equal(older.Id, Assert.Single(Reviews.Stored).MovieId), s_wait);
    }

    [Fact]
    public void ACatalogLargerThanTheListSaysHowManyItShowsAndSearchFindsTheRest()
    {
        var all = Enumerable.Range(1, MoviePicker.ResultLimit + 5).Select(i => Movies.Add($"영화 {i:00}")).ToList();
        var cut = Render<ReviewForm>();

        Assert.Equal(MoviePicker.ResultLimit, MovieOptions(cut, "review-movie").Count);
        Assert.Equal($"전체 {all.Count}편 중 최근 등록된 {MoviePicker.ResultLimit}편만 보여요. 검색해서 찾아 주세요.",
            cut.Find("[data-testid=review-movie-status]").TextContent);

        cut.Find("[data-testid=review-movie-search]").Input("영화 0");

        cut.WaitForAssertion(() => Assert.Equal("‘영화 0’에 맞는 영화 9편", cut.Find("[data-testid=review-movie-status]").TextContent), s_wait);
        Assert.Contains("영화 01", MovieOptions(cut, "review-movie"));
    }

    [Fact]
    public void ASearchWithTooManyMatchesAsksForMore()
    {
        foreach (var i in Enumerable.Range(1, MoviePicker.ResultLimit + 1))
        {
            Movies.Add($"어벤져스 {i}");
        }
        Movies.Add("기생충");
        var cut = Render<ReviewForm>();

        cut.Find("[data-testid=review-movie-search]").Input("어벤져스");

        cut.WaitForAssertion(() => Assert.Equal(
            $"‘어벤져스’에 맞는 {MoviePicker.ResultLimit + 1}편 중 {MoviePicker.ResultLimit}편만 보여요. 검색어를 더 자세히 입력해 주세요.",
            cut.Find("[data-testid=review-movie-status]").TextContent), s_wait);
    }

    [Fact]
    public void AnOlderMovieFromTheAddressIsListedAndSelected()
    {
        var oldest = Movies.Add("살인의 추억", "2003-04-25", "봉준호");
        foreach (var i in Enumerable.Range(1, MoviePicker.ResultLimit))
        {
            Movies.Add($"신작 {i}");
        }

        var cut = Render<ReviewForm>(p => p.Add(f => f.InitialMovieId, oldest.Id));

        Assert.Equal(Id(oldest), cut.Find("[data-testid=review-movie]").GetAttribute("value"));
        Assert.Equal("살인의 추억 · 2003 · 봉준호", MovieOptions(cut, "review-movie")[0]);
    }

    [Fact]
    public void TheChosenMovieStaysListedWhenASearchNoLongerFindsIt()
    {
        var chosen = Movies.Add("괴물", "2006-07-27", "봉준호");
        Movies.Add("마더", "2009-05-28", "봉준호");
        var cut = Render<ReviewForm>();
        cut.Find("[data-testid=review-movie]").Change(Id(chosen));

        cut.Find("[data-testid=review-movie-search]").Input("마더");

        cut.WaitForAssertion(() => Assert.Equal(["괴물 · 2006 · 봉준호", "마더 · 2009 · 봉준호"], MovieOptions(cut, "review-movie")), s_wait);
        Assert.Equal(Id(chosen), cut.Find("[data-testid=review-movie]").GetAttribute("value"));
    }

    [Fact]
    public void AnUnknownMovieFromTheAddressIsForgotten()
    {
        Movies.Add("괴물");

        var cut = Render<ReviewForm>(p => p.Add(f => f.InitialMovieId, 999));

        Assert.Equal("0", cut.Find("[data-testid=review-movie]").GetAttribute("value"));
    }

    [Fact]
    public void TwinsAlikeInEverythingButTheirIdAreStillToldApart()
    {
        var first = Movies.Add("괴물");
        var second = Movies.Add("괴물");

        var cut = Render<ReviewForm>();

        Assert.Equal([$"괴물 · #{second.Id}", $"괴물 · #{first.Id}"], MovieOptions(cut, "review-movie"));
    }

    [Fact]
    public void AnEmptyCatalogAsksForAMovieFirst()
    {
        var cut = Render<ReviewForm>();

        Assert.NotNull(cut.Find("[data-testid=review-no-movies] a[href='movies/new']"));
        Assert.Empty(cut.FindAll("[data-testid=review-movie]"));
    }

    [Fact]
    public async Task TheReviewListFilterFindsAMovieBySearchAndShowsOnlyItsReviews()
    {
        var wanted = Movies.Add("헤어질 결심", "2022-06-29", "박찬욱");
        var other = Movies.Add("브로커", "2022-06-08", "고레에다 히로카즈");
        await WriteAsync(wanted, 2);
        await WriteAsync(other, 3);
        var cut = Render<ReviewList>();
        cut.WaitForAssertion(() => Assert.Equal("5", cut.Find("[data-testid=reviews-total]").TextContent), s_wait);

        cut.Find("[data-testid=review-filter-search]").Input("박찬욱");
        cut.WaitForAssertion(() => Assert.Equal(["헤어질 결심 · 2022 · 박찬욱"], MovieOptions(cut, "review-filter")), s_wait);
        Assert.Equal("모든 영화", cut.Find("[data-testid=review-filter] option[value='0']").TextContent);
        cut.Find("[data-testid=review-filter]").Change(Id(wanted));

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=reviews-total]").TextContent), s_wait);
        Assert.Equal(2, cut.FindAll("[data-testid=review-item]").Count);
    }

    private async Task WriteAsync(MovieResponse movie, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Reviews.CreateAsync(new CreateReviewRequest { MovieId = movie.Id, Author = $"관객{i}", Content = "볼 만한 영화였어요" });
        }
    }

    private static string Id(MovieResponse movie) => movie.Id.ToString(CultureInfo.InvariantCulture);

    // The movies listed, without the first entry (none, or all movies).
    private static List<string> MovieOptions<T>(IRenderedComponent<T> cut, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll($"[data-testid={testId}] option").Where(o => o.GetAttribute("value") != "0").Select(o => o.TextContent).ToList();
}

using MovieGpt.Server.Components.Forms;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.UiTests.Components;

public sealed class ReviewFormTests : UiTestContext
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void ContentOfFourLettersPaddedWithSpacesIsRefusedBesideTheContent()
    {
        var movie = Movies.Add("괴물");
        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));

        cut.Find("[data-testid=review-author]").Change("관객");
        cut.Find("[data-testid=review-content]").Input("   좋아요    ");
        cut.Find("form").Submit();

        Assert.Equal("리뷰는 공백을 빼고 5자 이상이어야 합니다.", cut.Find("[data-testid=review-content-error]").TextContent);
        Assert.Empty(Reviews.Stored);
    }

    [Fact]
    public void AReviewWithoutAChosenMovieOrAuthorNamesBothFields()
    {
        Movies.Add("괴물");
        var cut = Render<ReviewForm>();

        cut.Find("[data-testid=review-content]").Input("정말 재미있게 봤어요");
        cut.Find("form").Submit();

        Assert.Equal("영화를 선택해 주세요.", cut.Find("[data-testid=review-movie-error]").TextContent);
        Assert.Equal("작성자는 필수입니다.", cut.Find("[data-testid=review-author-error]").TextContent);
        Assert.Empty(Reviews.Stored);
    }

    [Fact]
    public void TheMovieFromTheAddressIsPreselected()
    {
        Movies.Add("괴물");
        var second = Movies.Add("마더");

        var cut = Render<ReviewForm>(p => p.Add(f => f.InitialMovieId, second.Id));

        Assert.Equal(second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=review-movie]").GetAttribute("value"));
    }

    [Fact]
    public void TypingShowsTheEnginesVerdictLiveWithoutStoringAnything()
    {
        var movie = Movies.Add("괴물");
        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));

        cut.Find("[data-testid=review-content]").Input("배우들 연기가 최고였어요");

        cut.WaitForAssertion(() => Assert.Equal("positive", cut.Find("[data-testid=live-preview-result] [data-testid=sentiment-badge]").GetAttribute("data-label")), s_wait);
        Assert.Contains("배우들 연기가 최고였어요", Analyzer.Asked);
        Assert.Empty(Reviews.Stored);
    }

    [Fact]
    public void ASavedReviewShowsItsLabelConfidenceAndStars()
    {
        var movie = Movies.Add("괴물");
        ReviewResponse? saved = null;
        var cut = Render<ReviewForm>(p => p
            .Add(f => f.FixedMovieId, movie.Id)
            .Add(f => f.OnSaved, (ReviewResponse r) => saved = r));

        cut.Find("[data-testid=review-author]").Change("관객");
        cut.Find("[data-testid=review-content]").Input("배우들 연기가 최고였어요");
        cut.Find("form").Submit();

        var result = cut.Find("[data-testid=review-result]");
        Assert.Contains("😊", result.QuerySelector("[data-testid=sentiment-badge]")!.TextContent);
        Assert.Contains("긍정", result.QuerySelector("[data-testid=sentiment-badge]")!.TextContent);
        Assert.Equal("88.0%", result.QuerySelector("[data-testid=confidence-value]")!.TextContent);
        Assert.Equal("8.6", result.QuerySelector("[data-testid=rating-stars]")!.GetAttribute("data-rating"));
        Assert.Equal(movie.Id, Assert.Single(Reviews.Stored).MovieId);
        Assert.Equal(saved, Reviews.Stored[0]);
    }

    [Fact]
    public void EachInvalidFieldIsMarkedAndDescribedByItsMessage()
    {
        Movies.Add("괴물");
        var cut = Render<ReviewForm>();

        cut.Find("[data-testid=review-content]").Input("좋아요");
        cut.Find("form").Submit();

        AssertInvalidAndDescribed(cut, "review-movie", "영화를 선택해 주세요.");
        AssertInvalidAndDescribed(cut, "review-author", "작성자는 필수입니다.");
        AssertInvalidAndDescribed(cut, "review-content", "리뷰는 공백을 빼고 5자 이상이어야 합니다.");
    }

    [Fact]
    public void TheBoxTakesTheLongestReviewTheCounterAllowsAndTheFormRefusesOneMore()
    {
        var movie = Movies.Add("괴물");
        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));
        var longest = string.Concat(Enumerable.Repeat("👍🏽", CreateReviewRequest.MaxContentLength));

        // maxlength counts UTF-16 units (four per emoji here): it must not cut what the counter calls 5,000.
        Assert.True(longest.Length <= int.Parse(cut.Find("[data-testid=review-content]").GetAttribute("maxlength")!, System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("[data-testid=review-author]").Change("관객");
        cut.Find("[data-testid=review-content]").Input(longest + "👍🏽");
        cut.Find("form").Submit();

        Assert.Equal("5,001 / 5,000", cut.Find("[data-testid=review-content-count]").TextContent);
        Assert.Equal("리뷰는 5,000자 이하입니다.", cut.Find("[data-testid=review-content-error]").TextContent);
        Assert.Empty(Reviews.Stored);

        cut.Find("[data-testid=review-content]").Input(longest);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(Reviews.Stored), s_wait);
    }
}

using MovieGpt.Server.Components.Forms;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.UiTests.Components;

/// <summary>The review form opened on the writer's own review ("내 리뷰 수정"): its preview, 별점 and spoiler flag.</summary>
public sealed class ReviewEditFormTests : UiTestContext
{
    private const int Me = 7;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    public ReviewEditFormTests()
    {
        AuthSettings.AllowAnonymousWrites = false;
        SignIn(Me, "영화광");
    }

    [Fact]
    public void TheReviewBeingEditedIsPreviewedBeforeAnyKeystroke()
    {
        var movie = Movies.Add("괴물");
        Mine(movie.Id, "처음에 쓴 리뷰예요 배우들이 좋았어요");

        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));

        cut.WaitForAssertion(() => Assert.Equal("positive", cut.Find("[data-testid=live-preview-result] [data-testid=sentiment-badge]").GetAttribute("data-label")), s_wait);
        Assert.Contains("처음에 쓴 리뷰예요 배우들이 좋았어요", Analyzer.Asked);
    }

    [Fact]
    public void AnEditChangesTheRatingAndSpoilerFlag()
    {
        var movie = Movies.Add("괴물");
        var mine = Mine(movie.Id, "처음에 쓴 리뷰예요", rating: 8);
        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));
        Assert.Equal("8", cut.Find("[data-testid=review-rating]").GetAttribute("data-value"));

        cut.Find("[data-testid=review-rating-3]").Change("3");
        cut.Find("[data-testid=review-spoiler-flag]").Change(true);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=review-result]")), s_wait);
        var stored = Assert.Single(Reviews.Stored);
        Assert.Equal((mine.Id, (int?)3, true, "처음에 쓴 리뷰예요"), (stored.Id, stored.UserRating, stored.Spoiler, stored.Content));

        // Right after a save, taking the 별점 away alone is saved too: not taken for a second click on the same save.
        cut.Find("[data-testid=review-rating-clear]").Click();
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Null(Assert.Single(Reviews.Stored).UserRating), s_wait);
    }

    private ReviewResponse Mine(int movieId, string content, int? rating = null)
    {
        var result = Analyzer.Analyze(content);
        var review = new ReviewResponse(
            Reviews.Stored.Count + 1, movieId, "괴물", "영화광", content, result.Label, result.Score, result.Probabilities, result.Rating,
            new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc), [], UserRating: rating, UserId: Me);
        Reviews.Stored.Add(review);
        Analyzer.Asked.Clear();
        return review;
    }
}

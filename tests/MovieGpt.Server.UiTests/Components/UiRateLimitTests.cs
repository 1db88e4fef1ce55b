using MovieGpt.Server.Components.Account;
using MovieGpt.Server.Components.Forms;
using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Extensions;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.UiTests.Components;

/// <summary>The UI's writes over the <c>writes</c> rate limit: a friendly message instead of the write, the text kept.</summary>
public sealed class UiRateLimitTests : UiTestContext
{
    private const int Me = 7;
    private const string Refused = @"^요청이 너무 많아요\. [1-9]\d*(?:초|분) 후에 다시 시도해 주세요\.$";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    public UiRateLimitTests()
    {
        AuthSettings.AllowAnonymousWrites = false;
        SignIn(Me, "영화광");
        RateLimitSettings.Enabled = true;
        RateLimitSettings.Writes = new WindowLimit { PermitLimit = 1, WindowSeconds = 600 };
    }

    [Theory]
    [InlineData(1, "1초")]
    [InlineData(119, "119초")]
    [InlineData(120, "2분")]
    [InlineData(600, "10분")]
    [InlineData(601, "11분")]
    public void TheWaitIsSaidInSecondsThenInWholeMinutes(int seconds, string said) =>
        Assert.Equal($"요청이 너무 많아요. {said} 후에 다시 시도해 주세요.", UiRateLimit.Refusal(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void AReviewEditOverTheLimitShowsTheMessageAndKeepsWhatWasTyped()
    {
        var movie = Movies.Add("괴물");
        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));
        cut.Find("[data-testid=review-content]").Input("배우들 연기가 최고였어요");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=review-result]")), s_wait);

        cut.Find("[data-testid=review-content]").Input("다시 보니 조금 아쉬웠어요");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Matches(Refused, cut.Find("[data-testid=review-form-error]").TextContent), s_wait);
        Assert.Equal("다시 보니 조금 아쉬웠어요", cut.Find("[data-testid=review-content]").GetAttribute("value"));
        Assert.Equal("배우들 연기가 최고였어요", Assert.Single(Reviews.Stored).Content);
    }

    [Fact]
    public void AHelpfulMarkOverTheLimitIsNotStored()
    {
        var result = Analyzer.Analyze("남이 쓴 리뷰예요");
        var others = new ReviewResponse(1, 1, "괴물", "다른사람", "남이 쓴 리뷰예요", result.Label, result.Score, result.Probabilities, result.Rating,
            DateTime.UtcNow, [], UserId: Me + 1);
        Reviews.Stored.Add(others);
        var cut = Render<HelpfulButton>(p => p.Add(b => b.Review, others).Add(b => b.Viewer, new Caller(Me, "영화광", false, false)));

        cut.Find("[data-testid=review-helpful]").Click();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=review-helpful-count]").TextContent), s_wait);
        cut.Find("[data-testid=review-helpful]").Click();

        cut.WaitForAssertion(() => Assert.Matches(Refused, cut.Find("[role=alert]").TextContent), s_wait);
        Assert.Equal("1", cut.Find("[data-testid=review-helpful-count]").TextContent);
        Assert.Equal("true", cut.Find("[data-testid=review-helpful]").GetAttribute("aria-pressed"));
    }
}

using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Server.Components.Forms;
using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.UiTests.Components;

/// <summary>The writer's 별점 (input and display), the AI hint and disagreement, 애매해요, spoilers and 더보기.</summary>
public sealed class RatingAndReviewDisplayTests : UiTestContext
{
    private static ReviewResponse Review(int? userRating, string label = SentimentLabels.Positive, double score = 0.9, double predicted = 8.2,
        string content = "배우들 연기가 정말 좋았어요", bool spoiler = false, IReadOnlyList<AspectMention>? aspects = null) =>
        new(1, 1, "괴물", "관객", content, label, score, new SentimentProbabilities(0.05, 0.05, 0.9), predicted,
            new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc), aspects ?? [], userRating, spoiler);

    [Fact]
    public void TheStarInputIsARadioGroupOfTenHalfStars()
    {
        int? chosen = null;
        var cut = Render<StarInput>(p => p.Add(s => s.ValueChanged, (int? v) => chosen = v));

        var radios = cut.FindAll("input[type=radio]");
        Assert.Equal(10, radios.Count);
        Assert.Single(radios.Select(r => r.GetAttribute("name")).Distinct());
        Assert.Equal("별점", cut.Find("legend").FirstChild!.TextContent.Trim());
        Assert.Equal("별점 7점 (별 3.5개)", radios[6].GetAttribute("aria-label"));

        cut.Find("[data-testid=star-input-7]").Change("7");

        Assert.Equal(7, chosen);
        Assert.Equal("3.5점 · 7/10", cut.Find("[data-testid=star-input-readout]").TextContent.Trim());
        Assert.Equal(7, cut.FindAll(".half.on").Count);
        cut.Find("[data-testid=star-input-clear]").Click();
        Assert.Null(chosen);
    }

    [Fact]
    public void AReviewShowsTheWritersStarsFirstAndThePredictionAsAHint()
    {
        var cut = Render<ReviewItem>(p => p.Add(r => r.Review, Review(9)));

        var rating = cut.Find("[data-testid=review-user-rating]");
        Assert.Equal("9", rating.QuerySelector("[data-testid=user-stars]")!.GetAttribute("data-rating"));
        Assert.Equal("AI 예상 ★8", cut.Find("[data-testid=review-ai-hint]").TextContent);
        // Stars before the text; the model's own stars not shown twice.
        Assert.True(cut.Markup.IndexOf("review-user-rating", StringComparison.Ordinal) < cut.Markup.IndexOf("review-content-text", StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=review-sentiment] [data-testid=rating-stars]"));
        Assert.Empty(cut.FindAll("[data-testid=review-disagree]"));
    }

    [Fact]
    public void AReviewWithoutAWritersRatingShowsThePredictionAsBefore()
    {
        var cut = Render<ReviewItem>(p => p.Add(r => r.Review, Review(null)));

        Assert.Empty(cut.FindAll("[data-testid=review-user-rating]"));
        Assert.Equal("8.2", cut.Find("[data-testid=review-sentiment] [data-testid=rating-stars]").GetAttribute("data-rating"));
    }

    [Theory]
    [InlineData(10, SentimentLabels.Negative, 2.5, true)]   // sarcasm: full marks on a text the model reads as negative
    [InlineData(2, SentimentLabels.Positive, 8.5, true)]
    [InlineData(3, SentimentLabels.Neutral, 8.0, true)]     // five points apart
    [InlineData(8, SentimentLabels.Positive, 7.4, false)]
    [InlineData(6, SentimentLabels.Neutral, 5.0, false)]
    public void AStrongDisagreementBetweenWriterAndModelIsShown(int user, string label, double predicted, bool shown)
    {
        var cut = Render<ReviewItem>(p => p.Add(r => r.Review, Review(user, label, 0.9, predicted)));

        Assert.Equal(shown, cut.FindAll("[data-testid=review-disagree]").Count == 1);
        if (shown)
        {
            Assert.Contains("AI와 의견이 달라요", cut.Find("[data-testid=review-disagree]").TextContent);
        }
    }

    [Fact]
    public void ALowConfidenceVerdictReadsAsUnsure()
    {
        var unsure = Render<SentimentBadge>(p => p.Add(b => b.Label, SentimentLabels.Neutral).Add(b => b.Score, 0.34));
        var sure = Render<SentimentBadge>(p => p.Add(b => b.Label, SentimentLabels.Neutral).Add(b => b.Score, 0.94));

        Assert.Contains("애매해요", unsure.Find("[data-testid=sentiment-badge]").TextContent);
        Assert.Equal("true", unsure.Find("[data-testid=sentiment-badge]").GetAttribute("data-uncertain"));
        Assert.Contains("중립", sure.Find("[data-testid=sentiment-badge]").TextContent);
        Assert.DoesNotContain("애매해요", sure.Markup);
    }

    [Fact]
    public void ASpoilerIsHiddenUntilTapped()
    {
        var cut = Render<ReviewItem>(p => p.Add(r => r.Review, Review(null, content: "범인은 바로 주인공의 형이었다", spoiler: true)));

        Assert.DoesNotContain("범인은", cut.Markup);
        Assert.Contains("스포일러가 있어요 — 보기", cut.Find("[data-testid=review-spoiler]").TextContent);

        cut.Find("[data-testid=review-spoiler]").Click();

        Assert.Equal("범인은 바로 주인공의 형이었다", cut.Find("[data-testid=review-content-text]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=review-spoiler]"));
    }

    [Fact]
    public void ASpoilersWhyToggleWaitsUntilTheSpoilerIsTapped()
    {
        var cut = Render<ReviewItem>(p => p.Add(r => r.Review, Review(null, content: "범인은 바로 주인공의 형이었다", spoiler: true)));

        // 왜? would show the whole text, word by word.
        Assert.Empty(cut.FindAll("[data-testid=why-toggle]"));

        cut.Find("[data-testid=review-spoiler]").Click();
        cut.Find("[data-testid=why-toggle]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["범인은 바로 주인공의 형이었다"], Explanations.Asked));
    }

    [Fact]
    public void ASpoilersAspectChipsQuoteNothingUntilTheSpoilerIsTapped()
    {
        const string content = "범인은 바로 주인공의 형이었다 연기는 좋았다";
        var aspects = new[] { new AspectMention("연기", SentimentLabels.Positive, 0.9, "연기는 좋았다", 17, 7) };
        var cut = Render<ReviewItem>(p => p.Add(r => r.Review, Review(null, content: content, spoiler: true, aspects: aspects)));

        var chip = cut.Find("[data-testid=aspect-chip]");
        Assert.Equal("연기", chip.GetAttribute("data-aspect"));
        Assert.DoesNotContain("연기는 좋았다", cut.Markup);

        cut.Find("[data-testid=review-spoiler]").Click();

        Assert.Contains("연기는 좋았다", cut.Find("[data-testid=aspect-chip]").GetAttribute("title"));
    }

    [Fact]
    public void AReviewWithoutASpoilerHasItsWhyToggleAtOnce()
    {
        var cut = Render<ReviewItem>(p => p.Add(r => r.Review, Review(null)));

        Assert.Single(cut.FindAll("[data-testid=why-toggle]"));
    }

    [Fact]
    public void ALongReviewIsCollapsedWithMore()
    {
        var text = string.Concat(Enumerable.Repeat("정말 길게 쓴 리뷰입니다. ", 30));
        var cut = Render<ReviewContent>(p => p.Add(c => c.Text, text));

        Assert.Contains("collapsed", cut.Find("[data-testid=review-content-text]").ClassList);
        Assert.Equal("false", cut.Find("[data-testid=review-more]").GetAttribute("aria-expanded"));

        cut.Find("[data-testid=review-more]").Click();

        Assert.DoesNotContain("collapsed", cut.Find("[data-testid=review-content-text]").ClassList);
        Assert.Equal("접기", cut.Find("[data-testid=review-more]").TextContent.Trim());
    }

    [Fact]
    public void AShortReviewHasNoMore()
    {
        var cut = Render<ReviewContent>(p => p.Add(c => c.Text, "짧고 굵게 최고"));

        Assert.Empty(cut.FindAll("[data-testid=review-more]"));
        Assert.DoesNotContain("collapsed", cut.Find("[data-testid=review-content-text]").ClassList);
    }

    [Fact]
    public void TheReviewFormCountsCharactersAsAReaderDoesAndSavesStarsAndSpoiler()
    {
        var movie = Movies.Add("괴물");
        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));

        cut.Find("[data-testid=review-content]").Input("😡😡😡");
        Assert.StartsWith("3 / 5,000", cut.Find("[data-testid=review-content-count]").TextContent);
        cut.Find("[data-testid=review-author]").Change("관객");
        cut.Find("form").Submit();
        Assert.Contains("5자 이상", cut.Find("[data-testid=review-content-error]").TextContent);
        Assert.Empty(Reviews.Stored);

        cut.Find("[data-testid=review-content]").Input("결말이 충격적이에요");
        cut.Find("[data-testid=review-rating-9]").Change("9");
        cut.Find("[data-testid=review-spoiler-flag]").Change(true);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(Reviews.Stored), TimeSpan.FromSeconds(10));
        var stored = Reviews.Stored[0];
        Assert.Equal((9, true), (stored.UserRating, stored.Spoiler));
        Assert.Equal("9", cut.Find("[data-testid=review-result-stars]").GetAttribute("data-rating"));
    }
}

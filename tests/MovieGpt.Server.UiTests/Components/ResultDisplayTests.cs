using MovieGpt.Sentiment;
using MovieGpt.Server.Components.Charts;
using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.UiTests.Components;

public sealed class ResultDisplayTests : BunitContext
{
    // A stored review renders as the circuit shows it (its "왜?" toggle is enabled only once interactive).
    public ResultDisplayTests() => SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    [Theory]
    [InlineData(SentimentLabels.Positive, "😊", "긍정")]
    [InlineData(SentimentLabels.Neutral, "😐", "중립")]
    [InlineData(SentimentLabels.Negative, "😞", "부정")]
    public void TheBadgeNamesEachLabelInKoreanWithItsEmoji(string label, string emoji, string korean)
    {
        var cut = Render<SentimentBadge>(p => p.Add(b => b.Label, label));

        Assert.Equal($"{emoji}{korean}", cut.Find("[data-testid=sentiment-badge]").TextContent.Trim());
    }

    [Fact]
    public void TheConfidenceBarIsAsWideAsThePercentageItShows()
    {
        var cut = Render<ConfidenceBar>(p => p.Add(b => b.Score, 0.7312).Add(b => b.Label, SentimentLabels.Negative));

        Assert.Equal("73.1%", cut.Find("[data-testid=confidence-value]").TextContent);
        Assert.Equal("width: 73.1%", cut.Find(".fill").GetAttribute("style"));
    }

    [Fact]
    public void StarsFillInProportionToTheRatingOutOfTen()
    {
        var cut = Render<RatingStars>(p => p.Add(s => s.Rating, 7.5));

        Assert.Equal("7.5", cut.Find(".number").TextContent);
        Assert.Equal("width: 75%", cut.Find(".fill").GetAttribute("style"));
    }

    [Fact]
    public void AMovieWithoutAPosterGetsAPlaceholderWithItsInitial()
    {
        var cut = Render<PosterImage>(p => p.Add(i => i.Title, "기생충"));

        Assert.Equal("기", cut.Find("[data-testid=poster-placeholder] .initial").TextContent);
        Assert.Empty(cut.FindAll("img"));
    }

    [Fact]
    public void APosterThatFailsToLoadIsReplacedByThePlaceholder()
    {
        var cut = Render<PosterImage>(p => p.Add(i => i.Title, "기생충").Add(i => i.Url, "https://example.invalid/p.jpg"));

        cut.Find("img").TriggerEvent("onerror", new Microsoft.AspNetCore.Components.Web.ErrorEventArgs());

        Assert.NotNull(cut.Find("[data-testid=poster-placeholder]"));
        Assert.Empty(cut.FindAll("img"));
    }

    [Fact]
    public void TheHistogramDrawsOneBarPerRatingWithItsCount()
    {
        int[] counts = [0, 1, 0, 0, 0, 0, 0, 2, 0, 3];

        var cut = Render<Histogram>(p => p.Add(h => h.Counts, counts));

        var bars = cut.FindAll("[data-testid=histogram-bar]");
        Assert.Equal(counts.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)), bars.Select(b => b.GetAttribute("data-count")));
        Assert.Equal("0", bars[0].GetAttribute("height"));
    }

    [Fact]
    public void TheStatsPanelShowsCountsAndDrawsOnlyTheLabelsThatOccur()
    {
        var stats = new ReviewStatsResponse(3, 0.6, 2, 0, 1, 0.6667, 0, 0.3333, 6.5, [1, 0, 0, 0, 0, 0, 0, 2, 0, 0], null, null, []);

        var cut = Render<StatsPanel>(p => p.Add(s => s.Stats, stats));

        Assert.Equal("3", cut.Find("[data-testid=stats-count]").TextContent);
        Assert.Equal("60.0%", cut.Find("[data-testid=stats-average]").TextContent);
        Assert.Equal(["😊 긍정", "😞 부정"], cut.FindAll("[data-testid=donut-slice]").Select(s => s.GetAttribute("data-name")));
        Assert.NotNull(cut.Find("[data-testid=timeline-waiting]"));
    }

    [Fact]
    public void AMovieWithoutReviewsShowsNoAveragePositivityRatherThanZero()
    {
        var stats = new ReviewStatsResponse(0, 0, 0, 0, 0, 0, 0, 0, null, new int[10], null, null, []);

        var cut = Render<StatsPanel>(p => p.Add(s => s.Stats, stats));

        Assert.Equal("–", cut.Find("[data-testid=stats-average]").TextContent);
        Assert.DoesNotContain("0.0%", cut.Markup);
        Assert.NotNull(cut.Find("[data-testid=stats-empty]"));
    }
}

using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;
using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.UiTests.Components;

public sealed class AspectDisplayTests : BunitContext
{
    // A stored review renders as the circuit shows it (its "왜?" toggle is enabled only once interactive).
    public AspectDisplayTests() => SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    [Fact]
    public void ThePanelShowsOnlyMentionedAspectsWithAThumbAndTheirCounts()
    {
        IReadOnlyList<AspectSummary> aspects =
        [
            new("연기", 12, 9, 3, 0, 0.75),
            new("스토리", 10, 3, 6, 1, 0.3),
            new("연출", 0, 0, 0, 0, 0),
            new("액션", 0, 0, 0, 0, 0),
            new("음악", 0, 0, 0, 0, 0),
        ];

        var cut = Render<AspectPanel>(p => p.Add(a => a.Aspects, aspects));

        var items = cut.FindAll("[data-testid=aspect-summary]");
        Assert.Equal(["연기", "스토리"], items.Select(i => i.GetAttribute("data-aspect")));
        Assert.Contains("👍", items[0].TextContent);
        Assert.Contains("75%", items[0].TextContent);
        Assert.Contains("👎", items[1].TextContent);
        Assert.Contains("언급 10 · 긍정 3 · 부정 6 · 중립 1", items[1].TextContent);
        // Not by colour alone: the counts are spelled out for screen readers too.
        Assert.Equal("연기: 언급 12개 중 긍정 9, 부정 3, 중립 0 (긍정 75%)", items[0].GetAttribute("aria-label"));
    }

    [Fact]
    public void ThePanelSaysSoWhenNoAspectIsMentioned()
    {
        var cut = Render<AspectPanel>(p => p.Add(a => a.Aspects, [new AspectSummary("연기", 0, 0, 0, 0, 0)]));

        Assert.Empty(cut.FindAll("[data-testid=aspect-summary]"));
        Assert.NotNull(cut.Find("[data-testid=aspect-panel-empty]"));
    }

    [Fact]
    public void AReviewShowsAChipPerAspectWithItsEvidenceOnHoverAndFocus()
    {
        var review = new ReviewResponse(1, 1, "영화", "관객", "연기는 좋은데 스토리가 별로예요", SentimentLabels.Neutral, 0.6,
            new SentimentProbabilities(0.2, 0.6, 0.2), 5.5, new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc),
            [
                new AspectMention("연기", SentimentLabels.Positive, 0.93, "연기는 좋은데", 0, 7),
                new AspectMention("스토리", SentimentLabels.Negative, 0.88, "스토리가 별로예요", 8, 9),
            ]);

        var cut = Render<ReviewItem>(p => p.Add(r => r.Review, review));

        var chips = cut.FindAll("[data-testid=aspect-chip]");
        Assert.Equal(["positive", "negative"], chips.Select(c => c.GetAttribute("data-label")));
        Assert.Equal("연기 👍", chips[0].TextContent.Trim());
        Assert.StartsWith("스토리 부정", chips[1].GetAttribute("aria-label"));
        Assert.Equal("연기 긍정 — 근거: “연기는 좋은데”", chips[0].GetAttribute("title"));
        Assert.Equal("0", chips[0].GetAttribute("tabindex"));
        Assert.Equal("스토리가 별로예요", chips[1].GetAttribute("data-evidence"));
    }

    [Fact]
    public void AReviewWithoutAspectsHasNoChips()
    {
        var review = new ReviewResponse(2, 1, "영화", "관객", "그냥 그랬어요", SentimentLabels.Neutral, 0.6,
            new SentimentProbabilities(0.2, 0.6, 0.2), 5.5, new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc), []);

        var cut = Render<ReviewItem>(p => p.Add(r => r.Review, review));

        Assert.Empty(cut.FindAll("[data-testid=aspect-chips]"));
    }
}

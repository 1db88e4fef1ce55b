using MovieGpt.Server.Components.Charts;
using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.UiTests.Fakes;

namespace MovieGpt.Server.UiTests.Components;

/// <summary>Counts in the charts and lists read with thousands separators (1,234), as the totals and the pager do.</summary>
public sealed class ThousandsSeparatorTests : UiTestContext
{
    [Fact]
    public void TheAspectPanelSeparatesItsCountsShownAndReadAloud()
    {
        var cut = Render<AspectPanel>(p => p.Add(a => a.Aspects, [new AspectSummary("연기", 12_345, 9_876, 1_469, 1_000, 0.8)]));

        var item = cut.Find("[data-testid=aspect-summary]");
        Assert.Contains("언급 12,345 · 긍정 9,876 · 부정 1,469 · 중립 1,000", item.TextContent);
        Assert.Equal("연기: 언급 12,345개 중 긍정 9,876, 부정 1,469, 중립 1,000 (긍정 80%)", item.GetAttribute("aria-label"));
    }

    [Fact]
    public void TheHistogramSeparatesItsCountsShownAndReadAloud()
    {
        int[] counts = [0, 0, 0, 0, 0, 0, 0, 0, 999, 1_234];

        var cut = Render<Histogram>(p => p.Add(h => h.Counts, counts));

        var bars = cut.FindAll("[data-testid=histogram-bar]");
        Assert.Equal("10점: 1,234개", bars[9].QuerySelector("title")!.TextContent);
        Assert.Contains("1,234", cut.FindAll("text.count").Select(t => t.TextContent));
        Assert.EndsWith("9점 999개, 10점 1,234개", cut.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void TheTimelineSeparatesTheReviewCountOfADay()
    {
        var cut = Render<TimelineChart>(p => p.Add(t => t.Points,
        [
            new SentimentTimelinePoint(new DateOnly(2024, 5, 1), 1_500, 0.7),
            new SentimentTimelinePoint(new DateOnly(2024, 5, 2), 2_048, 0.6),
        ]));

        Assert.Equal("2024.05.02: 긍정도 60.0%, 리뷰 2,048개", cut.FindAll("[data-testid=timeline-point] title")[1].TextContent);
    }

    [Fact]
    public void TheRankingListSeparatesTheReviewCount()
    {
        var cut = Render<RankingList>(p => p
            .Add(r => r.Movies, [FakeDiscoveryService.Ranked(1, "천만 영화", 1, 12_345)])
            .Add(r => r.Kind, RankingKind.Best));

        Assert.Contains("리뷰 12,345개", cut.Find("[data-testid=ranking-list]").TextContent);
    }
}

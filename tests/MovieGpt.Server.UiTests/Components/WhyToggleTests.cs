using MovieGpt.Sentiment;
using MovieGpt.Server.Components.Forms;
using MovieGpt.Server.Components.Shared;
using MovieGpt.Server.Contracts;

namespace MovieGpt.Server.UiTests.Components;

/// <summary>The "왜?" toggle: closed and free until asked, then the words tinted by contribution and the sentences' labels.</summary>
public sealed class WhyToggleTests : UiTestContext
{
    private const string Mixed = "연기는 정말 좋았다\n별로인 결말 아쉽다";

    [Fact]
    public void NothingIsExplainedUntilTheToggleIsOpened()
    {
        var cut = Render<WhyToggle>(p => p.Add(w => w.Text, Mixed));

        Assert.Equal("false", cut.Find("[data-testid=why-toggle]").GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindAll("[data-testid=why-panel]"));
        Assert.Empty(Explanations.Asked);
    }

    [Fact]
    public void OpeningShowsWordsTintedBySignAndSizeWithTheirNumbersAndEachSentencesLabel()
    {
        var cut = Render<WhyToggle>(p => p.Add(w => w.Text, Mixed));

        cut.Find("[data-testid=why-toggle]").Click();

        Assert.Equal("true", cut.Find("[data-testid=why-toggle]").GetAttribute("aria-expanded"));
        Assert.Equal([Mixed], Explanations.Asked);
        var words = cut.FindAll("[data-testid=why-word]");
        // The first word pulls strongly positive, the last negative; the 0.01 ones stay plain.
        Assert.Equal(["연기는", "아쉽다"], words.Select(w => w.FirstChild!.TextContent));
        Assert.Equal(("pos", "+0.45"), (words[0].GetAttribute("data-tone"), words[0].GetAttribute("data-contribution")));
        Assert.Contains("l3", words[0].ClassList);
        Assert.Equal(("neg", "-0.15"), (words[1].GetAttribute("data-tone"), words[1].GetAttribute("data-contribution")));
        Assert.Contains("l2", words[1].ClassList);
        // Not by colour alone: a sign after the word, and the number in a tooltip the word is described by, on focus too.
        Assert.Equal("+", words[0].QuerySelector(".sign")!.TextContent);
        Assert.Equal("−", words[1].QuerySelector(".sign")!.TextContent);
        Assert.Equal("0", words[0].GetAttribute("tabindex"));
        var tip = cut.Find($"#{words[0].GetAttribute("aria-describedby")}");
        Assert.Equal("tooltip", tip.GetAttribute("role"));
        Assert.Equal("+0.45: 긍정 쪽으로", tip.TextContent);
        // The text reads as it was written, plain words and line break included.
        Assert.Equal(Mixed, string.Concat(cut.Find("[data-testid=why-words]").ChildNodes
            .Select(n => n is AngleSharp.Dom.IElement e && e.ClassList.Contains("word") ? e.FirstChild!.TextContent : n.TextContent)).Trim());
        var sentences = cut.FindAll("[data-testid=why-sentence]");
        Assert.Equal([SentimentLabels.Positive, SentimentLabels.Negative], sentences.Select(s => s.GetAttribute("data-label")));
        Assert.Contains("부정", sentences[1].TextContent);
        Assert.NotNull(cut.Find("[data-testid=why-mixed]"));
    }

    [Fact]
    public void ClosingHidesThePanelAndReopeningAsksAgain()
    {
        var cut = Render<WhyToggle>(p => p.Add(w => w.Text, "최고의 영화"));

        cut.Find("[data-testid=why-toggle]").Click();
        cut.Find("[data-testid=why-toggle]").Click();

        Assert.Empty(cut.FindAll("[data-testid=why-panel]"));
        Assert.Equal("false", cut.Find("[data-testid=why-toggle]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void EveryStoredReviewHasAToggleForItsOwnText()
    {
        var review = new ReviewResponse(1, 1, "영화", "관객", "연출 최고 음악 별로", SentimentLabels.Positive, 0.8,
            new SentimentProbabilities(0.1, 0.1, 0.8), 8, new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc), []);
        var cut = Render<ReviewItem>(p => p.Add(r => r.Review, review));

        cut.Find("[data-testid=why-toggle]").Click();

        Assert.Equal(["연출 최고 음악 별로"], Explanations.Asked);
        Assert.Equal("연출", cut.Find("[data-testid=why-word]").FirstChild!.TextContent);
    }

    [Fact]
    public void TheLivePreviewExplainsTheTextItPreviewed()
    {
        var movie = Movies.Add("괴물");
        var cut = Render<ReviewForm>(p => p.Add(f => f.FixedMovieId, movie.Id));
        Assert.Empty(cut.FindAll("[data-testid=why-toggle]"));

        cut.Find("[data-testid=review-content]").Input("배우들 연기가 최고였어요");
        cut.WaitForElement("[data-testid=live-preview] [data-testid=why-toggle]", TimeSpan.FromSeconds(10)).Click();

        cut.WaitForAssertion(() => Assert.Equal(["배우들 연기가 최고였어요"], Explanations.Asked), TimeSpan.FromSeconds(10));
        Assert.Equal("배우들", cut.Find("[data-testid=live-preview] [data-testid=why-word]").FirstChild!.TextContent);
    }
}

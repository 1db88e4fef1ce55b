using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Sentiment.Tests.Aspects;

public class EvidenceWindowTests
{
    private static readonly string RunOn = string.Join(" ", Enumerable.Repeat("보는 내내 지루하고 길었는데", 20))
        + " 배우들 연기는 정말 최고였다 " + string.Join(" ", Enumerable.Repeat("음악도 그저 그랬고 결말도 뻔했다", 20));

    [Fact]
    public void A_short_span_is_kept_whole()
    {
        Assert.Equal((3, 40), EvidenceWindow.Around(RunOn, 3, 40, 10));
    }

    [Fact]
    public void A_long_span_becomes_whole_words_around_the_keyword()
    {
        var keyword = RunOn.IndexOf("연기", StringComparison.Ordinal);
        var (start, end) = EvidenceWindow.Around(RunOn, 0, RunOn.Length, keyword);

        Assert.InRange(end - start, EvidenceWindow.MaxLength / 2, EvidenceWindow.MaxLength);
        Assert.InRange(keyword, start, end - 2);
        Assert.True(start == 0 || RunOn[start - 1] == ' ', $"starts inside a word: …{RunOn[(start - 3)..(start + 3)]}");
        Assert.True(end == RunOn.Length || RunOn[end] == ' ', $"ends inside a word: {RunOn[(end - 3)..(end + 3)]}…");
        Assert.Equal(RunOn[start..end].Trim(), RunOn[start..end]);
    }

    [Fact]
    public void A_keyword_near_either_end_keeps_the_window_inside_the_span()
    {
        var first = EvidenceWindow.Around(RunOn, 5, RunOn.Length, 8);
        var last = EvidenceWindow.Around(RunOn, 0, RunOn.Length - 5, RunOn.Length - 12);

        Assert.InRange(first.Start, 5, 8);
        Assert.InRange(first.End - first.Start, 1, EvidenceWindow.MaxLength);
        Assert.InRange(last.End, RunOn.Length - 12, RunOn.Length - 5);
        Assert.InRange(last.End - last.Start, 1, EvidenceWindow.MaxLength);
    }

    [Fact]
    public void A_run_of_emoji_is_not_cut_inside_a_character()
    {
        var emoji = string.Concat(Enumerable.Repeat("😡", 300)) + "연기" + string.Concat(Enumerable.Repeat("👎", 300));
        var (start, end) = EvidenceWindow.Around(emoji, 0, emoji.Length, 600);

        Assert.InRange(end - start, EvidenceWindow.MaxLength - 2, EvidenceWindow.MaxLength);
        Assert.False(char.IsLowSurrogate(emoji[start]));
        Assert.False(char.IsHighSurrogate(emoji[end - 1]));
    }
}

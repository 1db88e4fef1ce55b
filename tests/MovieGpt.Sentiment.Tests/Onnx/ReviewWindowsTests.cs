using MovieGpt.Sentiment.Onnx;

namespace MovieGpt.Sentiment.Tests.Onnx;

public class ReviewWindowsTests
{
    [Fact]
    public void A_text_that_fits_is_one_window_as_it_is()
    {
        var windows = new List<string>();
        ReviewWindows.Split("짧은 리뷰", 160, windows);
        Assert.Equal(["짧은 리뷰"], windows);
    }

    [Fact]
    public void A_long_text_is_cut_at_spaces_into_windows_of_about_equal_length_that_cover_it_then_its_last_sentence()
    {
        var text = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"단어{i}")) + ". 결론은 강력 추천합니다";
        var rows = new List<string>();
        ReviewWindows.Split(text, 160, rows);

        var windows = rows[..^1];
        Assert.True(windows.Count >= (text.Length + 159) / 160);
        Assert.All(windows, w => Assert.InRange(w.Length, 80, 160));
        Assert.All(windows, w => Assert.False(w.StartsWith(' ') || w.EndsWith(' ')));
        Assert.Equal(text, string.Join(' ', windows));
        Assert.Equal("결론은 강력 추천합니다", rows[^1]);
    }

    [Fact]
    public void A_run_without_spaces_is_cut_hard_but_never_inside_an_emoji()
    {
        var text = string.Concat(Enumerable.Repeat("가😍", 200));
        var rows = new List<string>();
        ReviewWindows.Split(text, 160, rows);

        Assert.All(rows, w => Assert.InRange(w.Length, 1, 160));
        Assert.All(rows, w => Assert.False(char.IsLowSurrogate(w[0])));
        Assert.Equal(text, string.Concat(rows[..^1]));
        Assert.Equal(rows[^2], rows[^1]);   // one sentence that does not fit: the last window is the verdict
    }

    [Fact]
    public void Windows_weigh_their_length_and_the_verdict_a_full_window()
    {
        Assert.Equal(100, ReviewWindows.Weight(0, 1, 100, 160));
        Assert.Equal(100, ReviewWindows.Weight(0, 3, 100, 160));
        Assert.Equal(160, ReviewWindows.Weight(2, 3, 20, 160));
    }
}

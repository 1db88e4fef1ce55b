using MovieGpt.Sentiment.Text;

namespace MovieGpt.Sentiment.Tests.Text;

/// <summary>The splitter on real dev reviews (tests/data/dev-sample-2000.tsv and dev.tsv.gz) and on the rules' edges.</summary>
public class SentenceSplitterTests
{
    private static string[] Sentences(string text) => [.. SentenceSplitter.Split(text).Select(r => r.Of(text))];

    [Theory]
    [InlineData("전편만한 속편없다......", new[] { "전편만한 속편없다......" })]
    [InlineData("로맨스+스릴+코믹+에로ㅡㅡ;강추~보고 내심정 이해해주길.돈아까워", new[] { "로맨스+스릴+코믹+에로ㅡㅡ;강추~", "보고 내심정 이해해주길.", "돈아까워" })]
    [InlineData("뻔한 스토리지만, 택시 시리즈는 괜찮음..6점", new[] { "뻔한 스토리지만, 택시 시리즈는 괜찮음..6점" })]
    [InlineData("생애 최고의 애니메이션....", new[] { "생애 최고의 애니메이션...." })]
    [InlineData("정말 재밌었다 근데 결말은 좀 아쉬움", new[] { "정말 재밌었다", "근데 결말은 좀 아쉬움" })]
    [InlineData("배우들 연기는 최고 스토리는 최악", new[] { "배우들 연기는 최고 스토리는 최악" })]
    [InlineData("ㅋㅋㅋㅋ 완전 웃김 ㅋㅋㅋ 강추", new[] { "ㅋㅋㅋㅋ 완전 웃김 ㅋㅋㅋ", "강추" })]
    [InlineData("기대보다 별로였어요 그래도 배우는 좋았어요!!", new[] { "기대보다 별로였어요", "그래도 배우는 좋았어요!!" })]
    [InlineData("평점 8.5점 줍니다", new[] { "평점 8.5점 줍니다" })]
    [InlineData("스토리가 필요 없는 영화", new[] { "스토리가 필요 없는 영화" })]
    [InlineData("감동 그 자체 ㅠㅠ\n꼭 보세요", new[] { "감동 그 자체 ㅠㅠ", "꼭 보세요" })]
    [InlineData("\"최고의 영화.\" 라고 말하고 싶다", new[] { "\"최고의 영화.\"", "라고 말하고 싶다" })]
    public void Splits_real_reviews_where_a_reader_would(string text, string[] expected)
    {
        Assert.Equal(expected, Sentences(text));
    }

    [Theory]
    [InlineData("ㅋㅋ")]
    [InlineData("!!!")]
    [InlineData("😍😍")]
    public void A_text_without_a_real_sentence_is_one_sentence(string text)
    {
        Assert.Equal([text], Sentences(text));
    }

    [Fact]
    public void Ranges_are_trimmed_in_order_and_do_not_overlap_on_the_dev_sample()
    {
        var reviews = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "dev-sample-2000.tsv")).Skip(1).Select(l => l.Split('\t')[5]);
        foreach (var review in reviews.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            var ranges = SentenceSplitter.Split(review);
            Assert.NotEmpty(ranges);
            var previousEnd = 0;
            foreach (var range in ranges)
            {
                Assert.True(range.Start >= previousEnd && range.Length > 0, review);
                Assert.False(char.IsWhiteSpace(review[range.Start]) || char.IsWhiteSpace(review[range.End - 1]), review);
                previousEnd = range.End;
            }
            // Nothing but whitespace is left out.
            var covered = string.Concat(ranges.Select(r => r.Of(review)));
            Assert.Equal(string.Concat(review.Where(c => !char.IsWhiteSpace(c))), string.Concat(covered.Where(c => !char.IsWhiteSpace(c))));
        }
    }

    [Fact]
    public void Empty_and_whitespace_texts_have_no_sentences()
    {
        Assert.Empty(SentenceSplitter.Split(""));
        Assert.Empty(SentenceSplitter.Split("   "));
    }
}

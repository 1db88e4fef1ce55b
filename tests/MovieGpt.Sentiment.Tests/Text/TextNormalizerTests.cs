using MovieGpt.Sentiment.Text;

namespace MovieGpt.Sentiment.Tests.Text;

public class TextNormalizerTests
{
    private readonly TextNormalizer _normalizer = new(10_000);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n ")]
    [InlineData("\u3000\u00A0")]
    public void EmptyOrWhitespaceTextIsAnArgumentError(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => _normalizer.Normalize(text));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void TextOfOnlyLoneSurrogatesAndControlCharactersIsAnArgumentError()
    {
        var error = Assert.Throws<ArgumentException>(() => _normalizer.Normalize("\uD800\u0001\uDC00"));
        Assert.Contains("no readable characters", error.Message);
    }

    [Theory]
    [InlineData("ㅋㅋㅋㅋㅋㅋㅋ 재밌다", "ㅋㅋ 재밌다")]
    [InlineData("ㅠㅠㅠㅠ 슬프다", "ㅠㅠ 슬프다")]
    [InlineData("최고!!!!!!", "최고!!")]
    [InlineData("별로.........", "별로..")]
    [InlineData("진짜   재미없음\n\n\t최악", "진짜 재미없음 최악")]
    [InlineData("  앞뒤 공백  ", "앞뒤 공백")]
    public void RunsAndSpacesAreCollapsed(string input, string expected) =>
        Assert.Equal(expected, _normalizer.Normalize(input));

    [Theory]
    [InlineData("CGV에서 봤는데 GOOD", "cgv에서 봤는데 good")]
    [InlineData("ＢＥＳＴ　영화", "best 영화")]
    [InlineData("韓國 映畫 최고", "韓國 映畫 최고")]
    public void LatinIsLowerCasedFullWidthFoldedAndHanjaKept(string input, string expected) =>
        Assert.Equal(expected, _normalizer.Normalize(input));

    [Fact]
    public void EmojiAreKeptWithoutVariationSelectorsAndRepeatedEmojiAreCut()
    {
        Assert.Equal("최고 😍😍 ❤", _normalizer.Normalize("최고 😍😍😍😍 ❤\uFE0F"));
    }

    [Fact]
    public void LoneSurrogatesAreDroppedButTheRestIsKept()
    {
        Assert.Equal("좋아요 정말", _normalizer.Normalize("좋아요\uD83D 정말\uDE00"));
    }

    [Fact]
    public void TenThousandCharacterReviewIsTruncatedToTheLimit()
    {
        var normalizer = new TextNormalizer(1_000);
        var text = string.Concat(Enumerable.Repeat("재미있는 영화 ", 1_500));   // 12,000 characters
        var normalized = normalizer.Normalize(text);
        Assert.True(normalized.Length <= 1_000);
        Assert.StartsWith("재미있는 영화 재미있는", normalized);
    }

    [Fact]
    public void TruncationNeverSplitsASurrogatePair()
    {
        var normalizer = new TextNormalizer(4);
        Assert.Equal("가나다", normalizer.Normalize("가나다😍끝"));
    }
}

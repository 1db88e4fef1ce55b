using MovieGpt.Sentiment.Text;

namespace MovieGpt.Sentiment.Tests.Text;

public class HashingFeaturizerTests
{
    private static readonly FeaturizerSettings Settings = new() { Buckets = 1 << 20, CharNgramMin = 1, CharNgramMax = 4, WordNgramMax = 2 };
    private readonly HashingFeaturizer _featurizer = new(Settings);

    [Fact]
    public void CountsOneFeaturePerCharacterNgramAndWordNgram()
    {
        // " 정말 최고 " has 7 positions: n-grams of length 1–4 = 7+6+5+4 = 22, minus the 3 lone spaces;
        // plus 2 words and 1 bigram.
        var ids = _featurizer.Featurize("정말 최고");
        Assert.Equal(22 - 3 + 2 + 1, ids.Length);
    }

    [Fact]
    public void IdsAreStableAndWithinTheBuckets()
    {
        var first = _featurizer.Featurize("배우들 연기가 정말 좋았다");
        var second = new HashingFeaturizer(Settings).Featurize("배우들 연기가 정말 좋았다");
        Assert.Equal(first, second);
        Assert.All(first, id => Assert.InRange(id, 0, Settings.Buckets - 1));
    }

    [Fact]
    public void SharedSubstringsShareFeaturesAcrossSpacingMistakes()
    {
        var spaced = _featurizer.Featurize("정말 재미있다").ToHashSet();
        var unspaced = _featurizer.Featurize("정말재미있다").ToHashSet();
        // 재미있다 keeps its character n-grams whatever the spacing.
        Assert.True(spaced.Intersect(unspaced).Count() >= 10);
    }

    [Fact]
    public void ADifferentSeedHashesDifferently()
    {
        var other = new HashingFeaturizer(Settings with { HashSeed = 12345 });
        Assert.NotEqual(_featurizer.Featurize("최고의 영화"), other.Featurize("최고의 영화"));
    }

    [Fact]
    public void EmojiAndHanjaProduceFeatures()
    {
        Assert.NotEmpty(_featurizer.Featurize("😍"));
        Assert.NotEmpty(_featurizer.Featurize("映畫"));
    }

    [Fact]
    public void OutOfRangeSettingsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new HashingFeaturizer(Settings with { CharNgramMax = 0 }));
        Assert.Throws<ArgumentException>(() => new HashingFeaturizer(Settings with { Buckets = 1 }));
    }
}

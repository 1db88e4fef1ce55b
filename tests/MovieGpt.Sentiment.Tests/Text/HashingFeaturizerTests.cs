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

    [Fact]
    public void TailFeaturesRepeatTheLastCharactersNgramsAndTheLastWord()
    {
        var withTail = new HashingFeaturizer(Settings with { TailCharacters = 6 });
        // "아주 별로" is 5 characters: its 1–4-grams (5+4+3+2 = 14) come again, plus the last word.
        Assert.Equal(_featurizer.Featurize("아주 별로").Length + 14 + 1, withTail.Featurize("아주 별로").Length);
        // Only the last six characters get tail features, however long the review.
        var longReview = "처음엔 재밌을 줄 알았는데 별로";
        Assert.Equal(_featurizer.Featurize(longReview).Length + (6 + 5 + 4 + 3) + 1, withTail.Featurize(longReview).Length);
    }

    [Fact]
    public void UnspacedFeaturesAreTheSameWhateverTheSpacing()
    {
        var unspaced = new HashingFeaturizer(Settings with { UnspacedNgramMax = 4 });
        HashSet<int> Extra(string text) => [.. unspaced.Featurize(text).Except(_featurizer.Featurize(text))];

        Assert.NotEmpty(Extra("재미 없다"));
        Assert.Equal(Extra("재미없다"), Extra("재미 없다"));
        Assert.Equal(Extra("재미없다"), Extra("재 미 없 다"));
    }
}

using MovieGpt.Server.Components.Shared;

namespace MovieGpt.Server.UiTests.Components;

public sealed class KoreanParticleTests
{
    [Theory]
    [InlineData("‘택시운전사’", KoreanParticle.Object, "‘택시운전사’를")]
    [InlineData("‘기생충’", KoreanParticle.Object, "‘기생충’을")]
    [InlineData("‘기생충’", KoreanParticle.And, "‘기생충’과")]
    [InlineData("‘택시운전사’", KoreanParticle.And, "‘택시운전사’와")]
    [InlineData("헤어질 결심", KoreanParticle.Subject, "헤어질 결심이")]
    [InlineData("괴물", KoreanParticle.Topic, "괴물은")]
    [InlineData("괴물", KoreanParticle.Toward, "괴물로")]
    [InlineData("극한직업", KoreanParticle.Toward, "극한직업으로")]
    [InlineData("아가씨", KoreanParticle.Toward, "아가씨로")]
    public void TheParticleFollowsTheLastSyllable(string word, string particle, string expected) =>
        Assert.Equal(expected, KoreanParticle.Attach(word, particle));

    [Theory]
    [InlineData("1987", "과")]      // 칠
    [InlineData("남산의 부장들 (2020)", "과")] // 영, past the bracket
    [InlineData("해운대 2", "와")]   // 이
    [InlineData("Inception", "과")]  // 인셉션
    [InlineData("Avatar", "와")]     // 아바타
    [InlineData("Soul", "과")]       // 소울
    [InlineData("ET", "와")]         // 이티
    [InlineData("기생충!", "과")]
    public void DigitsLatinTitlesAndClosingMarksAreReadAsSpoken(string word, string expected) =>
        Assert.Equal(expected, KoreanParticle.Choose(word, KoreanParticle.And));

    [Fact]
    public void AParticleWithoutItsTwoFormsIsRefused() =>
        Assert.Throws<ArgumentException>(() => KoreanParticle.Choose("기생충", "을"));
}

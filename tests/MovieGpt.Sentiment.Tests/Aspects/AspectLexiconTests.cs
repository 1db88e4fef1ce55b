using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Sentiment.Tests.Aspects;

/// <summary>The keyword lexicon and the praise cues on reviews from the aspect dev data.</summary>
public class AspectLexiconTests
{
    private static string[] AspectsIn(string review) =>
        [.. AspectLexicon.Default.Find(review.ToLowerInvariant()).Select(h => h.Aspect).Distinct().OrderBy(a => AspectNames.All.ToList().IndexOf(a))];

    [Theory]
    [InlineData("난꽤 재밌었음 배우연기가 오지니까", new[] { AspectNames.Acting })]
    [InlineData("연출,편집,연기력,반전......모든게 완벽하다", new[] { AspectNames.Acting, AspectNames.Story, AspectNames.Direction })]
    [InlineData("전작에 비해 훨씬 스토리도 고급스러웠고, 간지나는 액션신은 스타뎀 성님이 도맡아", new[] { AspectNames.Story, AspectNames.Action })]
    [InlineData("짜임새 있는 스토리 전개와 탄탄한 연출력과 OST.", new[] { AspectNames.Story, AspectNames.Direction, AspectNames.Music })]
    [InlineData("촌스러운 bgm 개연성없는 전개", new[] { AspectNames.Story, AspectNames.Music })]
    [InlineData("전개가 뜬금없어 감정선이 전혀 공감이 안가 보다 말았음... 이 감독거는 나랑 안 맞는듯.", new[] { AspectNames.Story })]
    [InlineData("정말 재미있고 감동적인 최고의 영화였어요", new string[0])]
    public void Finds_the_aspects_a_review_names(string review, string[] expected)
    {
        Assert.Equal(expected, AspectsIn(review));
    }

    [Fact]
    public void Hits_carry_their_offsets()
    {
        const string review = "연기는 좋은데 스토리가 별로";
        var hits = AspectLexicon.Default.Find(review);
        Assert.Equal([new KeywordHit(AspectNames.Acting, 0, 2), new KeywordHit(AspectNames.Story, 8, 3)], hits);
    }

    [Theory]
    [InlineData("배우들이 아깝다", 2, true)]
    [InlineData("성동일, 송새벽의 연기가 참 아깝다", 10, true)]
    [InlineData("배우밖에 볼게 없네요", 2, true)]
    [InlineData("액션만 그나마 괜찮은듯", 2, true)]
    [InlineData("배우들 얼굴말고 볼 게 없었다", 2, true)]
    [InlineData("볼 거라곤 연기 말고는 없다", 8, true)]
    [InlineData("남는 건 액션과 음악 뿐", 7, true)]
    [InlineData("유명 배우에 비해서 시나리오가 못한듯", 5, true)]
    [InlineData("연기만큼은 좀 되는 배우로 합시다", 2, false)]
    [InlineData("배우들의 연기는 정말 좋았다", 2, false)]
    public void Praise_cues_follow_the_keyword(string review, int keywordEnd, bool expected)
    {
        Assert.Equal(expected, PraiseCues.FollowKeyword(review, keywordEnd));
    }
}

using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Sentiment.Tests.Aspects;

/// <summary>The Korean cues that lean a clause's reading: evaluative words, negation, intensifiers, exceptions.</summary>
public class ClauseCuesTests
{
    [Theory]
    [InlineData("연기가 좋았다", 1)]
    [InlineData("스토리가 지루하다", -1)]
    [InlineData("연기가 좋지 않았다", -1)]
    [InlineData("결말이 안 좋아", -1)]
    [InlineData("전혀 지루하지 않았다", 1)]
    [InlineData("연기에도 억지스러움이 없었다", 1)]
    [InlineData("감동이 없다", -1)]
    [InlineData("노래도 잘 부르는 것 같고", 1)]
    [InlineData("연기를 잘못했다", -1)]
    [InlineData("배우들 연기력이 장난이 아니네", 1)]
    public void Evaluative_words_lean_the_clause_and_negation_turns_them(string clause, int sign)
    {
        Assert.Equal(sign, Math.Sign(ClauseCues.Lexical(clause)));
    }

    [Fact]
    public void An_intensifier_weighs_its_word_more_and_a_clause_without_verdict_is_zero()
    {
        Assert.Equal(1.5 - 1, ClauseCues.Lexical("음악은 정말 좋은데 좀 지루"));
        Assert.Equal(0, ClauseCues.Lexical("어제 친구랑 극장에서 봤다"));
    }

    [Theory]
    [InlineData("스토리가 전형적인거 빼고는 기승전결 잘 짜여지고", 3, "기승전결 잘 짜여지고")]
    [InlineData("연기를 제외하면 다 좋다", 2, "다 좋다")]
    public void An_exception_sets_the_aspect_against_the_rest_of_the_clause(string clause, int keywordEnd, string rest)
    {
        Assert.Equal(rest, clause[ClauseCues.ExceptionRest(clause, keywordEnd)..].Trim());
        Assert.Equal(-1, ClauseCues.ExceptionRest("스토리가 좋다", 3));
    }

    [Fact]
    public void Additive_particles_mark_a_clause_that_adds_to_the_one_before()
    {
        Assert.True(ClauseCues.Additive("액션까지 평범하다"));
        Assert.False(ClauseCues.Additive("액션은 최고다"));
    }
}

using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Sentiment.Tests.Aspects;

/// <summary>The clause splitter on reviews from the aspect dev data.</summary>
public class ClauseSplitterTests
{
    private static string[] Texts(string review) => [.. ClauseSplitter.Split(review).Select(c => c.Text(review))];

    [Fact]
    public void A_concessive_ending_and_an_ellipsis_end_clauses()
    {
        Assert.Equal(["연기는 좋은데", "스토리, 전개는 꽝이다"], Texts("연기는 좋은데... 스토리, 전개는 꽝이다."));
    }

    [Fact]
    public void A_clause_ending_in_jiman_is_set_against_the_next()
    {
        const string review = "스토리가 좀 아쉬운건있지만 감성적으로 본다면 아름답고 슬픈영화";
        var clauses = ClauseSplitter.Split(review);
        Assert.Equal(["스토리가 좀 아쉬운건있지만", "감성적으로 본다면 아름답고", "슬픈영화"], clauses.Select(c => c.Text(review)));
        Assert.Equal([true, false, false], clauses.Select(c => c.Contrasts));
    }

    [Fact]
    public void A_contrast_opener_starts_a_clause_and_marks_the_one_before()
    {
        const string review = "배우들의 연기만큼은 뛰어나다 그러나 영화는 꼭 장황한 논문처럼 지루하다";
        var clauses = ClauseSplitter.Split(review);
        Assert.Equal(["배우들의 연기만큼은 뛰어나다", "그러나 영화는 꼭 장황한 논문처럼 지루하다"], clauses.Select(c => c.Text(review)));
        Assert.True(clauses[0].Contrasts);
    }

    [Fact]
    public void A_glued_jiman_is_cut_even_without_a_space()
    {
        Assert.Equal(["배우들의 연기는 좋았지만", "스토리가 망친영화 영화관에서보면 돈아까울정도"],
            Texts("배우들의 연기는 좋았지만스토리가 망친영화 영화관에서보면 돈아까울정도"));
    }

    [Fact]
    public void Go_lists_verdicts_and_laughter_ends_a_sentence()
    {
        const string review = "연기는 좋고 스토리는 별로ㅋㅋ 음악 최고";
        var clauses = ClauseSplitter.Split(review);
        Assert.Equal(["연기는 좋고", "스토리는 별로", "음악 최고"], clauses.Select(c => c.Text(review)));
        Assert.Equal([0, 0, 1], clauses.Select(c => c.Sentence));
    }

    [Fact]
    public void A_sentence_final_ending_before_a_comma_ends_the_clause()
    {
        Assert.Equal(["배우들이 영화를 살렸다", "뻔한 스토리, 좋은데요", "음악이 좀 아쉬움", "그래도 볼만"],
            Texts("배우들이 영화를 살렸다, 뻔한 스토리, 좋은데요, 음악이 좀 아쉬움, 그래도 볼만"));
    }

    private static IReadOnlyList<Clause> WithKeywords(string review) =>
        ClauseSplitter.Split(review, AspectLexicon.Default.Find(review.ToLowerInvariant()));

    [Fact]
    public void Another_aspects_topic_after_a_verdict_starts_a_clause_set_against_the_one_before()
    {
        const string review = "음악은 좋았다 연출은 글쎄";
        var clauses = WithKeywords(review);
        Assert.Equal(["음악은 좋았다", "연출은 글쎄"], clauses.Select(c => c.Text(review)));
        Assert.Equal([true, false], clauses.Select(c => c.Contrasts));
        Assert.Equal([true, false], clauses.Select(c => c.TopicFollows));
        Assert.Single(ClauseSplitter.Split(review));
    }

    [Fact]
    public void A_topic_with_do_starts_a_clause_that_adds_rather_than_opposes()
    {
        const string review = "배우들 연기는 별로 스토리도 별로";
        var clauses = WithKeywords(review);
        Assert.Equal(["배우들 연기는 별로", "스토리도 별로"], clauses.Select(c => c.Text(review)));
        Assert.Equal([false, false], clauses.Select(c => c.Contrasts));
    }

    [Fact]
    public void A_clause_ending_in_go_before_another_aspects_topic_is_marked()
    {
        const string review = "연기는 좋고 스토리는 별로";
        var clauses = WithKeywords(review);
        Assert.Equal(["연기는 좋고", "스토리는 별로"], clauses.Select(c => c.Text(review)));
        Assert.Equal([true, false], clauses.Select(c => c.TopicFollows));
        Assert.Equal([false, false], clauses.Select(c => c.Contrasts));
    }

    [Theory]
    [InlineData("연출과 스토리는 좋았다")]
    [InlineData("연출 과 스토리는 좋았다")]
    [InlineData("대진을 연기한 병헌이와 스토리는 정말 굿이네요")]
    [InlineData("배우들 연기는 정말 좋았다")]
    [InlineData("배우들이 어색한데 그 어색함은 어떤 연출로도 만회가 안된다")]
    [InlineData("배우들 멋진 연기하는 모습")]
    public void Lists_one_aspect_and_other_cases_than_the_topic_are_not_cut(string review)
    {
        var plain = ClauseSplitter.Split(review);
        Assert.Equal(plain, WithKeywords(review).Select(c => c with { TopicFollows = false }));
    }

    [Theory]
    [InlineData("연기는 좋은데", "연기는 좋")]
    [InlineData("액션은 나름 볼만하지만", "액션은 나름 볼만하")]
    [InlineData("스토리는 전편에 비해 현저히 떨어지나", "스토리는 전편에 비해 현저히 떨어지나")]
    [InlineData("노래는 좋았다", "노래는 좋았다")]
    public void The_scoring_text_drops_a_concessive_ending(string clause, string expected)
    {
        Assert.Equal(expected, ClauseSplitter.ScoringText(clause));
    }

    [Fact]
    public void Offsets_point_into_the_review()
    {
        const string review = "  연기는 좋은데,  스토리가 별로 ";
        foreach (var clause in ClauseSplitter.Split(review))
        {
            Assert.Equal(clause.Text(review), clause.Text(review).Trim(' ', ','));
            Assert.InRange(clause.End, 1, review.Length);
        }
    }
}

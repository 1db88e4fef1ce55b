using MovieGpt.Sentiment.Aspects;
using MovieGpt.Sentiment.Tests.Onnx;

namespace MovieGpt.Sentiment.Tests.Aspects;

/// <summary>The aspect analyzer with the shipped model: the mixed case and guards on the aspect dev data.</summary>
public class AspectModelTests(ShippedModelFixture fixture) : IClassFixture<ShippedModelFixture>
{
    private readonly AspectAnalyzer _aspects = new(fixture.Analyzer);

    [Fact]
    public void Each_aspect_takes_the_polarity_of_its_own_clause()
    {
        const string review = "연기는 좋은데 스토리가 별로";
        var mentions = _aspects.Analyze(review);

        Assert.Equal([AspectNames.Acting, AspectNames.Story], mentions.Select(m => m.Aspect));
        Assert.Equal(SentimentLabels.Positive, mentions[0].Label);
        Assert.Equal(SentimentLabels.Negative, mentions[1].Label);
        Assert.Equal("스토리가 별로", mentions[1].Evidence);
        foreach (var mention in mentions)
        {
            Assert.Equal(mention.Evidence, review.Substring(mention.Start, mention.Length));
            Assert.InRange(mention.Score, 0.34, 1.0);
        }
    }

    [Fact]
    public void A_run_on_review_quotes_the_words_around_the_aspect_not_the_whole_review()
    {
        var review = string.Join(" ", Enumerable.Repeat("이 영화 저 영화 다 본 사람으로서", 12)) + " 배우들 연기 정말 최고 "
            + string.Join(" ", Enumerable.Repeat("장면 장면이 이어지는 영화", 12));
        var acting = _aspects.Analyze(review).Single(m => m.Aspect == AspectNames.Acting);

        Assert.InRange(acting.Length, 1, EvidenceWindow.MaxLength);
        Assert.Contains("연기 정말 최고", acting.Evidence, StringComparison.Ordinal);
        Assert.Equal(acting.Evidence, review.Substring(acting.Start, acting.Length));
    }

    [Fact]
    public void Wasted_actors_are_praise_for_the_acting()
    {
        var mentions = _aspects.Analyze("배우가 아까워요. 스토리가 엉성해... 마지막 씬은 너무 전형적이야");
        Assert.Equal(SentimentLabels.Positive, mentions.Single(m => m.Aspect == AspectNames.Acting).Label);
        Assert.Equal(SentimentLabels.Negative, mentions.Single(m => m.Aspect == AspectNames.Story).Label);
    }

    [Theory]
    [InlineData("카메라 구도는 정말 최고로 멋지고 아름답다. 연출은 좀 아쉽다", AspectNames.Direction, SentimentLabels.Negative)]
    [InlineData("촬영은 정말 최고였다. 연출은 조금 밋밋한 편", AspectNames.Direction, SentimentLabels.Negative)]
    public void The_aspects_own_name_carries_its_verdict_over_a_related_word(string review, string aspect, string label)
    {
        Assert.Equal(label, _aspects.Analyze(review).Single(m => m.Aspect == aspect).Label);
    }

    [Theory]
    [InlineData("아이돌 누가 나온다길래 연기에 기대를 안했는데 생각보다 괜찮네요", AspectNames.Acting, SentimentLabels.Positive)]
    [InlineData("스토리가 전형적인거 빼고는 기승전결 잘 짜여지고 액션이 매우 뛰어난 명작입니다", AspectNames.Story, SentimentLabels.Negative)]
    [InlineData("스토리도 평범한데 액션까지 평범하다", AspectNames.Story, SentimentLabels.Negative)]
    [InlineData("볼만한건 두 배우의 능글맞은 연기 뿐. 액션은 낙제점이다", AspectNames.Acting, SentimentLabels.Positive)]
    [InlineData("하나줄려다 음악땜에 두개준다. 스토리도 없는 주제에", AspectNames.Music, SentimentLabels.Positive)]
    public void Korean_cues_the_model_misses_decide_the_aspect(string review, string aspect, string label)
    {
        Assert.Equal(label, _aspects.Analyze(review).Single(m => m.Aspect == aspect).Label);
    }

    // Aspects side by side as topics (은/는/도), each with its own verdict and no connective between them.
    [Theory]
    [InlineData("액션은 최고 스토리는 최악", AspectNames.Action, SentimentLabels.Positive, SentimentLabels.Negative)]
    [InlineData("액션은 짱 스토리는 최악", AspectNames.Action, SentimentLabels.Positive, SentimentLabels.Negative)]
    [InlineData("연기는 좋고 스토리는 별로", AspectNames.Acting, SentimentLabels.Positive, SentimentLabels.Negative)]
    [InlineData("연기는 굿 스토리는 굿", AspectNames.Acting, SentimentLabels.Positive, SentimentLabels.Positive)]
    [InlineData("연기는 별로 스토리도 별로", AspectNames.Acting, SentimentLabels.Negative, SentimentLabels.Negative)]
    public void Each_topic_keeps_its_own_verdict(string review, string firstAspect, string first, string story)
    {
        var mentions = _aspects.Analyze(review);
        Assert.Equal(first, mentions.Single(m => m.Aspect == firstAspect).Label);
        Assert.Equal(story, mentions.Single(m => m.Aspect == AspectNames.Story).Label);
    }

    // Dev reviews (tuning half) whose aspect clause says too little, where the review, with no turn in it, says it.
    [Theory]
    [InlineData("이것은 음악만 느낄께 아니라 스토리를 느껴야한다. 아름다운 우정... 이게 음악와 조화를 이룬것이다.", AspectNames.Story, SentimentLabels.Positive)]
    [InlineData("별 내용 없다. 그냥 배신 맞는 내용 끝. 특정 배우의 연기를 보고 싶다면 차라리 다른 작품을 보는게 나을거다.", AspectNames.Acting, SentimentLabels.Negative)]
    [InlineData("스토리전개,감정변화, 캐릭터... 전혀 이해안됨.!", AspectNames.Story, SentimentLabels.Negative)]
    public void A_review_without_a_turn_speaks_for_an_unclear_clause(string review, string aspect, string label)
    {
        Assert.Equal(label, _aspects.Analyze(review).Single(m => m.Aspect == aspect).Label);
    }

    [Fact]
    public void A_review_naming_no_aspect_gets_an_empty_list_and_an_empty_one_throws()
    {
        Assert.Empty(_aspects.Analyze("정말 재미있고 감동적인 최고의 영화였어요"));
        Assert.Throws<ArgumentException>(() => _aspects.AnalyzeBatch(["연기 좋다", "  "]));
    }

    [Fact]
    public void Batch_answers_match_single_answers_in_order()
    {
        string[] texts = [.. AspectDevData.Reviews.Take(150).Select(r => r.Text)];
        var batch = _aspects.AnalyzeBatch(texts);
        Assert.Equal(texts.Length, batch.Count);
        for (var i = 0; i < texts.Length; i += 13)
        {
            Assert.Equal(_aspects.Analyze(texts[i]), batch[i]);
        }
    }

    [Fact]
    public void The_writers_one_call_gives_the_aspects_of_the_cli_and_each_reviews_own_result()
    {
        // The dev reviews (most name an aspect, many have clauses too even to tell) and some that name none or repeat.
        string[] texts = [.. AspectDevData.Reviews.Select(r => r.Text), "정말 재미있는 영화", "👍👍👍", AspectDevData.Reviews[0].Text];
        var counting = new CountingAnalyzer(fixture.Analyzer);

        var scored = new AspectAnalyzer(counting).ScoreBatch(texts);

        Assert.Equal(1, counting.Calls);
        Assert.Equal(_aspects.AnalyzeBatch(texts), scored.Select(s => s.Aspects), new MentionListComparer());
        Assert.Equal(fixture.Analyzer.AnalyzeBatch(texts), scored.Select(s => s.Sentiment));
    }

    /// <summary>
    /// Regression guards a little under the dev figures in models/moviegpt-sentiment/README.md (Aspects):
    /// mention macro-F1 0.979, polarity 0.931 over all found mentions and 0.817 on reviews whose aspects disagree.
    /// </summary>
    [Fact]
    public void Dev_figures_stay_at_the_measured_level()
    {
        var reviews = AspectDevData.Reviews;
        Assert.Equal(761, reviews.Count);
        var found = _aspects.AnalyzeBatch([.. reviews.Select(r => r.Text)]);

        var f1 = AspectNames.All.Select(aspect =>
        {
            var gold = reviews.Count(r => r.Gold[aspect] != 0);
            var predicted = found.Count(f => f.Any(m => m.Aspect == aspect));
            var correct = reviews.Where((r, i) => r.Gold[aspect] != 0 && found[i].Any(m => m.Aspect == aspect)).Count();
            return 2.0 * correct / (gold + predicted);
        }).ToList();
        var (all, allCorrect, mixed, mixedCorrect) = (0, 0, 0, 0);
        for (var i = 0; i < reviews.Count; i++)
        {
            var gold = reviews[i].Gold;
            var disagrees = gold.Values.Contains(1) && gold.Values.Contains(-1);
            foreach (var mention in found[i].Where(m => gold[m.Aspect] != 0))
            {
                var right = gold[mention.Aspect] == (mention.Label == SentimentLabels.Positive ? 1 : mention.Label == SentimentLabels.Negative ? -1 : 0);
                (all, allCorrect) = (all + 1, allCorrect + (right ? 1 : 0));
                if (disagrees)
                {
                    (mixed, mixedCorrect) = (mixed + 1, mixedCorrect + (right ? 1 : 0));
                }
            }
        }

        Assert.True(f1.Average() >= 0.95, $"mention macro-F1 was {f1.Average():F4}");
        Assert.True(f1.Min() >= 0.93, $"the weakest aspect's mention F1 was {f1.Min():F4}");
        Assert.True((double)allCorrect / all >= 0.925, $"polarity accuracy was {(double)allCorrect / all:F4} over {all} mentions");
        Assert.True((double)mixedCorrect / mixed >= 0.8, $"polarity accuracy on disagreeing reviews was {(double)mixedCorrect / mixed:F4} over {mixed} mentions");
    }
}

/// <summary>Counts the calls that reach the engine.</summary>
internal sealed class CountingAnalyzer(ISentimentAnalyzer inner) : ISentimentAnalyzer
{
    public int Calls { get; private set; }

    public ModelInfo Model => inner.Model;

    public SentimentResult Analyze(string text)
    {
        Calls++;
        return inner.Analyze(text);
    }

    public IReadOnlyList<SentimentResult> AnalyzeBatch(IReadOnlyList<string> texts)
    {
        Calls++;
        return inner.AnalyzeBatch(texts);
    }

    // The fixture owns the engine.
    public void Dispose()
    {
    }
}

/// <summary>Aspect lists compared mention by mention (records compare by value; lists by reference).</summary>
internal sealed class MentionListComparer : IEqualityComparer<IReadOnlyList<AspectMention>>
{
    public bool Equals(IReadOnlyList<AspectMention>? x, IReadOnlyList<AspectMention>? y) =>
        x is not null && y is not null && x.SequenceEqual(y);

    public int GetHashCode(IReadOnlyList<AspectMention> obj) => obj.Count;
}

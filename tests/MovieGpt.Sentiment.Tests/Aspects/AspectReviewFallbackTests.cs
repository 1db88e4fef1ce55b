using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Sentiment.Tests.Aspects;

/// <summary>
/// When an aspect's reading leans on the whole review, with scripted model answers so each case is exact: a
/// review with no turn in it speaks for an unclear clause, one with a turn does not, and a tie takes the review's side.
/// </summary>
public class AspectReviewFallbackTests
{
    private const string Clause = "배우들 연기에 놀람";
    private const string NoTurn = "배우들 연기에 놀람. 두 시간이 금방 갔다";

    [Fact]
    public void Without_a_turn_an_unclear_clause_takes_the_reviews_side()
    {
        var label = ActingLabel(NoTurn, (Clause, Leaning(0.6, 0.3)), (NoTurn, Leaning(0.05, 0.9)));
        Assert.Equal(SentimentLabels.Positive, label);
    }

    [Fact]
    public void Without_a_turn_a_clear_clause_keeps_its_own_side()
    {
        var label = ActingLabel(NoTurn, (Clause, Leaning(0.8, 0.15)), (NoTurn, Leaning(0.05, 0.9)));
        Assert.Equal(SentimentLabels.Negative, label);
    }

    [Fact]
    public void With_a_turn_the_clause_is_not_leaned_on_the_review()
    {
        const string review = "배우들 연기에 놀랐지만 두 시간이 금방 갔다";
        var label = ActingLabel(review, ("배우들 연기에 놀랐", Leaning(0.6, 0.3)), (review, Leaning(0.05, 0.9)));
        Assert.Equal(SentimentLabels.Negative, label);
    }

    [Fact]
    public void A_reading_that_cannot_tell_a_side_takes_the_reviews_instead_of_neutral()
    {
        // The clause leans negative, the review as much positive: their blend is a tie that neutral leads.
        var label = ActingLabel(NoTurn, (Clause, new SentimentProbabilities(0.45, 0.5, 0.05)), (NoTurn, new SentimentProbabilities(0.05, 0.5, 0.45)));
        Assert.Equal(SentimentLabels.Positive, label);
    }

    private static SentimentProbabilities Leaning(double negative, double positive) => new(negative, 1 - negative - positive, positive);

    private static string ActingLabel(string review, params (string Text, SentimentProbabilities Answer)[] script)
    {
        using var model = new ScriptedModel(script.ToDictionary(s => s.Text, s => s.Answer));
        return new AspectAnalyzer(model).Analyze(review).Single(m => m.Aspect == AspectNames.Acting).Label;
    }

    /// <summary>The scripted answer for a text it knows, an even one (too even to tell) for any other.</summary>
    private sealed class ScriptedModel(Dictionary<string, SentimentProbabilities> answers) : ISentimentAnalyzer
    {
        public ModelInfo Model { get; } = new("scripted", "test", "", "");

        public SentimentResult Analyze(string text) => AnalyzeBatch([text])[0];

        public IReadOnlyList<SentimentResult> AnalyzeBatch(IReadOnlyList<string> texts) =>
        [
            .. texts.Select(t => answers.TryGetValue(t, out var p)
                ? SentimentResult.FromProbabilities(p.Negative, p.Neutral, p.Positive, 5)
                : SentimentResult.FromProbabilities(0.3, 0.4, 0.3, 5)),
        ];

        public void Dispose()
        {
        }
    }
}

using MovieGpt.Sentiment.Text;

namespace MovieGpt.Sentiment.Explanations;

/// <summary>
/// Explains the engine's verdicts by asking it again: for each review, the review itself, the review without
/// each of its words (leave-one-out, up to <see cref="ExplainerOptions.MaxWords"/>) and each of its sentences
/// (when it has more than one) are scored in one <see cref="ISentimentAnalyzer.AnalyzeBatch"/> call, for a
/// whole batch of reviews at once. A word's contribution is how much P(positive) − P(negative) drops without
/// it; a review of one word gets that word's whole P(positive) − P(negative), as the empty review counts 0.
/// Works with any analyzer; thread-safe when the analyzer is.
/// </summary>
public sealed class SentimentExplainer(ISentimentAnalyzer analyzer, ExplainerOptions? options = null)
{
    private readonly ISentimentAnalyzer _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
    private readonly ExplainerOptions _options = Validated(options ?? ExplainerOptions.Default);

    public SentimentExplanation Explain(string text) => ExplainBatch([text])[0];

    /// <summary>
    /// Explains many reviews with one engine call; answers are in input order. An empty or whitespace-only
    /// review throws <see cref="ArgumentException"/>, as <see cref="ISentimentAnalyzer.AnalyzeBatch"/> does.
    /// </summary>
    public IReadOnlyList<SentimentExplanation> ExplainBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var plans = new ReviewPlan[texts.Count];
        var rows = new Rows(texts.Count * 12);
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException("Review text is empty or whitespace only.", nameof(texts));
            }
            plans[i] = Plan(text, rows);
        }
        var results = ScoreAll(rows.Texts);
        var explanations = new SentimentExplanation[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            explanations[i] = Assemble(texts[i], plans[i], results);
        }
        return explanations;
    }

    /// <summary>Whitespace-separated words of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<TextRange> Words(string text)
    {
        var words = new List<TextRange>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i > start)
            {
                words.Add(new TextRange(start, i - start));
            }
        }
        return words;
    }

    // Where a review's rows are: the full text, one per explained word (-1: nothing left, counts 0), one per
    // sentence when there are several.
    private sealed record ReviewPlan(int FullRow, IReadOnlyList<TextRange> Words, int[] WordRows, IReadOnlyList<TextRange> Sentences, int[] SentenceRows);

    /// <summary>The texts of one engine call; a text asked for twice (a short review's variants often are) is scored once.</summary>
    private sealed class Rows(int capacity)
    {
        private readonly Dictionary<string, int> _index = new(capacity, StringComparer.Ordinal);

        public List<string> Texts { get; } = new(capacity);

        public int Add(string text)
        {
            if (!_index.TryGetValue(text, out var row))
            {
                row = Texts.Count;
                _index.Add(text, row);
                Texts.Add(text);
            }
            return row;
        }
    }

    private ReviewPlan Plan(string text, Rows rows)
    {
        var full = rows.Add(text);
        var words = Words(text);
        var wordRows = new int[Math.Min(words.Count, _options.MaxWords)];
        for (var w = 0; w < wordRows.Length; w++)
        {
            var word = words[w];
            var without = string.Concat(text.AsSpan(0, word.Start), " ", text.AsSpan(word.End));
            if (string.IsNullOrWhiteSpace(without))
            {
                wordRows[w] = -1;
                continue;
            }
            wordRows[w] = rows.Add(without);
        }
        var sentences = SentenceSplitter.Split(text);
        var sentenceRows = new int[sentences.Count > 1 ? sentences.Count : 0];
        for (var s = 0; s < sentenceRows.Length; s++)
        {
            sentenceRows[s] = rows.Add(sentences[s].Of(text));
        }
        return new ReviewPlan(full, words, wordRows, sentences, sentenceRows);
    }

    /// <summary>
    /// One batch call. A text the engine cannot read (a leave-one-out variant that is only invisible
    /// characters) spoils the batch; then the rows are scored one by one and an unreadable one counts as empty.
    /// </summary>
    private SentimentResult?[] ScoreAll(List<string> rows)
    {
        try
        {
            return [.. _analyzer.AnalyzeBatch(rows)];
        }
        catch (ArgumentException)
        {
            var results = new SentimentResult?[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                try
                {
                    results[r] = _analyzer.Analyze(rows[r]);
                }
                catch (ArgumentException)
                {
                    results[r] = null;
                }
            }
            return results;
        }
    }

    private SentimentExplanation Assemble(string text, ReviewPlan plan, SentimentResult?[] results)
    {
        var result = results[plan.FullRow]
            ?? throw new ArgumentException("Review text has no readable characters.", nameof(text));
        var lean = Lean(result);
        var tokens = new WordContribution[plan.Words.Count];
        for (var w = 0; w < tokens.Length; w++)
        {
            var word = plan.Words[w];
            double? contribution = null;
            if (w < plan.WordRows.Length)
            {
                var row = plan.WordRows[w];
                var without = row < 0 || results[row] is not { } r ? 0 : Lean(r);
                contribution = Math.Round(lean - without, 4);
            }
            tokens[w] = new WordContribution(word.Of(text), word.Start, word.Length, contribution);
        }
        var sentences = new SentenceSentiment[plan.Sentences.Count];
        for (var s = 0; s < sentences.Length; s++)
        {
            var range = plan.Sentences[s];
            var own = sentences.Length == 1 ? result : results[plan.SentenceRows[s]] ?? result;
            sentences[s] = new SentenceSentiment(range.Of(text), range.Start, range.Length, own);
        }
        return new SentimentExplanation(result, tokens, sentences, IsMixed(sentences));
    }

    private bool IsMixed(SentenceSentiment[] sentences)
    {
        var threshold = _options.MixedThreshold;
        return sentences.Any(s => s.Result.Probabilities.Positive >= threshold)
            && sentences.Any(s => s.Result.Probabilities.Negative >= threshold);
    }

    private static double Lean(SentimentResult result) => result.Probabilities.Positive - result.Probabilities.Negative;

    private static ExplainerOptions Validated(ExplainerOptions options) =>
        options.MaxWords >= 0 && options.MixedThreshold is > 0.5 and <= 1
            ? options
            : throw new ArgumentOutOfRangeException(nameof(options), $"MaxWords must be at least 0 and MixedThreshold in (0.5, 1] (got {options.MaxWords} and {options.MixedThreshold}).");
}

using System.Diagnostics;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Cli.Aspects;

/// <summary>
/// Measures <see cref="AspectAnalyzer"/> on hand-labelled reviews: mention precision/recall/F1 per aspect
/// (micro and macro over the five), polarity accuracy over the mentions it finds whose gold label is ±1
/// (overall and on reviews whose aspects disagree), the same for the whole-review baseline, and throughput.
/// </summary>
internal sealed class AspectEvaluator(ISentimentAnalyzer sentiment)
{
    private const int Decimals = 4;

    public AspectReport Evaluate(IReadOnlyList<AspectLabeledReview> reviews, string dataName)
    {
        if (reviews.Count == 0)
        {
            throw new InvalidDataException($"Aspect data file '{dataName}' has no review.");
        }
        if (reviews.FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Text)) is not null)
        {
            throw new InvalidDataException($"Aspect data file '{dataName}' has a review with empty text.");
        }
        var analyzer = new AspectAnalyzer(sentiment);
        string[] texts = [.. reviews.Select(r => r.Text)];
        var found = Analyze(analyzer, texts);
        // A second pass is timed: the first pays for JIT compilation and the model's first runs.
        var clock = Stopwatch.StartNew();
        Analyze(analyzer, texts);
        var seconds = clock.Elapsed.TotalSeconds;
        var whole = sentiment.AnalyzeBatch(texts);

        var mentions = new Dictionary<string, AspectMentionFigures>();
        var (allGold, allFound, allCorrect) = (0, 0, 0);
        foreach (var aspect in AspectNames.All)
        {
            var gold = reviews.Count(r => r.Gold[aspect] != 0);
            var predicted = found.Count(f => f.Any(m => m.Aspect == aspect));
            var correct = reviews.Where((r, i) => r.Gold[aspect] != 0 && found[i].Any(m => m.Aspect == aspect)).Count();
            mentions[aspect] = Figures(gold, predicted, correct);
            (allGold, allFound, allCorrect) = (allGold + gold, allFound + predicted, allCorrect + correct);
        }

        var polarity = new Tally();
        var disagreeing = new Tally();
        var baseline = new Tally();
        var baselineDisagreeing = new Tally();
        var neutral = 0;
        for (var i = 0; i < reviews.Count; i++)
        {
            var gold = reviews[i].Gold;
            var disagrees = gold.Values.Contains(1) && gold.Values.Contains(-1);
            var wholeSign = whole[i].Probabilities.Positive >= whole[i].Probabilities.Negative ? 1 : -1;
            var judged = found[i].Where(m => gold[m.Aspect] != 0).ToList();
            foreach (var mention in judged)
            {
                var sign = mention.Label switch
                {
                    SentimentLabels.Positive => 1,
                    SentimentLabels.Negative => -1,
                    _ => 0,
                };
                neutral += sign == 0 ? 1 : 0;
                polarity.Add(sign == gold[mention.Aspect]);
                baseline.Add(wholeSign == gold[mention.Aspect]);
                if (disagrees)
                {
                    disagreeing.Add(sign == gold[mention.Aspect]);
                    baselineDisagreeing.Add(wholeSign == gold[mention.Aspect]);
                }
            }
            foreach (var tally in disagrees ? [polarity, disagreeing, baseline, baselineDisagreeing] : new[] { polarity, baseline })
            {
                tally.EndReview(judged.Count > 0);
            }
        }

        return new AspectReport
        {
            Model = sentiment.Model.Name,
            Data = dataName,
            N = reviews.Count,
            MentionMicroF1 = Figures(allGold, allFound, allCorrect).F1,
            MentionMacroF1 = Round(mentions.Values.Average(m => m.F1)),
            Mentions = mentions,
            Polarity = polarity.Figures(),
            PolarityDisagreeing = disagreeing.Figures(),
            BaselinePolarity = baseline.Figures(),
            BaselinePolarityDisagreeing = baselineDisagreeing.Figures(),
            NeutralLabels = neutral,
            ReviewsPerSecond = Math.Round(reviews.Count / seconds, 0),
        };
    }

    private static IReadOnlyList<AspectMention>[] Analyze(AspectAnalyzer analyzer, string[] texts)
    {
        var results = new IReadOnlyList<AspectMention>[texts.Length];
        for (var start = 0; start < texts.Length; start += AspectStream.DefaultBatch)
        {
            var count = Math.Min(AspectStream.DefaultBatch, texts.Length - start);
            var batch = analyzer.AnalyzeBatch(new ArraySegment<string>(texts, start, count));
            for (var k = 0; k < count; k++)
            {
                results[start + k] = batch[k];
            }
        }
        return results;
    }

    private static AspectMentionFigures Figures(int gold, int found, int correct)
    {
        var precision = found == 0 ? 0 : (double)correct / found;
        var recall = gold == 0 ? 0 : (double)correct / gold;
        var f1 = gold + found == 0 ? 0 : 2.0 * correct / (gold + found);
        return new AspectMentionFigures(gold, found, correct, Round(precision), Round(recall), Round(f1));
    }

    private static double Round(double value) => Math.Round(value, Decimals);

    private sealed class Tally
    {
        private int _reviews;
        private int _mentions;
        private int _correct;

        public void Add(bool correct)
        {
            _mentions++;
            _correct += correct ? 1 : 0;
        }

        public void EndReview(bool judged) => _reviews += judged ? 1 : 0;

        public PolarityFigures Figures() =>
            new(_reviews, _mentions, _correct, _mentions == 0 ? 0 : Round((double)_correct / _mentions));
    }
}

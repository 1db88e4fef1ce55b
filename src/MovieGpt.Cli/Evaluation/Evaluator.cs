using MovieGpt.Cli.Data;
using MovieGpt.Cli.Scoring;
using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Evaluation;

/// <summary>
/// Scores every review of a data file once and reads the figures from the answers: binary accuracy on a
/// seeded class-balanced sample (NSMC protocol), and for rating data three-class F1/accuracy and rating MAE
/// on all reviews.
/// </summary>
internal sealed class Evaluator(ISentimentAnalyzer analyzer)
{
    private const int Decimals = 4;

    public EvalReport Evaluate(ReviewDataFile file, string dataName, int seed, int? binaryN)
    {
        var reviews = file.Read().ToList();
        var outcomes = new ParallelScorer(analyzer).Score([.. reviews.Select(r => r.Text)]);
        var scored = new List<(LabeledReview Review, SentimentResult Result)>(reviews.Count);
        for (var i = 0; i < reviews.Count; i++)
        {
            if (outcomes[i].Result is { } result)
            {
                scored.Add((reviews[i], result));
            }
        }
        if (scored.Count == 0)
        {
            throw new InvalidDataException($"Data file '{dataName}' has no review the model can score.");
        }

        (LabeledReview Review, SentimentResult Result)[] allNegatives = [.. scored.Where(s => s.Review.Binary == 0)];
        (LabeledReview Review, SentimentResult Result)[] allPositives = [.. scored.Where(s => s.Review.Binary == 1)];
        var (negatives, positives) = BalancedSample.Draw(allNegatives, allPositives, seed, binaryN);
        var report = new EvalReport
        {
            Model = analyzer.Model.Name,
            Data = dataName,
            Format = file.HasRatings ? "rating" : "nsmc",
            N = scored.Count,
            SkippedEmpty = reviews.Count - scored.Count,
            Seed = seed,
            BinaryN = negatives.Length + positives.Length,
            BinaryAccuracy = Round(BinaryAccuracy(negatives, positives)),
            BinaryMeanRecall = Round(MeanRecall(allNegatives, allPositives)),
        };
        return file.HasRatings ? WithRatingFigures(report, scored) : report;
    }

    /// <summary>The binary decision is P(positive) against P(negative) alone: neutral mass does not vote.</summary>
    public static bool SaysPositive(SentimentResult result) => result.Probabilities.Positive > result.Probabilities.Negative;

    public static int ClassIndex(string label) => label switch
    {
        SentimentLabels.Negative => 0,
        SentimentLabels.Neutral => 1,
        SentimentLabels.Positive => 2,
        _ => throw new SentimentModelException($"The model answered an unknown label '{label}'."),
    };

    private static double BinaryAccuracy(
        (LabeledReview Review, SentimentResult Result)[] negatives, (LabeledReview Review, SentimentResult Result)[] positives)
    {
        var total = negatives.Length + positives.Length;
        if (total == 0)
        {
            throw new InvalidDataException("The data has no negative (1–4) or no positive (9–10) review: binary accuracy needs both.");
        }
        var correct = negatives.Count(s => !SaysPositive(s.Result)) + positives.Count(s => SaysPositive(s.Result));
        return (double)correct / total;
    }

    private static double MeanRecall(
        (LabeledReview Review, SentimentResult Result)[] negatives, (LabeledReview Review, SentimentResult Result)[] positives) =>
        ((double)negatives.Count(s => !SaysPositive(s.Result)) / negatives.Length + (double)positives.Count(s => SaysPositive(s.Result)) / positives.Length) / 2;

    private static EvalReport WithRatingFigures(EvalReport report, List<(LabeledReview Review, SentimentResult Result)> scored)
    {
        var confusion = new ConfusionMatrix(3);
        foreach (var (review, result) in scored)
        {
            confusion.Add(review.ThreeClass, ClassIndex(result.Label));
        }
        return report with
        {
            ThreeClassMacroF1 = Round(confusion.MacroF1()),
            ThreeClassAccuracy = Round(confusion.Accuracy()),
            ThreeClassF1 = new ThreeClassF1(Round(confusion.F1(0)), Round(confusion.F1(1)), Round(confusion.F1(2))),
            RatingMae = Round(MeanAbsoluteError.Of(scored.Select(s => (s.Result.Rating, (double)s.Review.Rating!.Value)))),
        };
    }

    private static double Round(double value) => Math.Round(value, Decimals);
}

using MovieGpt.Cli.Evaluation;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Onnx;

namespace MovieGpt.Cli.Training;

/// <summary>Dev figures from rating distributions, as the trainer measures them while it chooses the decoder.</summary>
internal static class RatingMetrics
{
    /// <summary>
    /// Binary accuracy as the mean of the two class recalls (what a class-balanced sample measures, without
    /// sampling noise), three-class macro-F1 and accuracy, and the MAE of the decoded rating.
    /// </summary>
    public static ModelMetrics Compute(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> ratings, RatingDecoder decoder) =>
        Compute([.. probabilities.Select(p => decoder.Decode(p))], ratings);

    public static ModelMetrics Compute(IReadOnlyList<SentimentResult> results, IReadOnlyList<int> ratings, long fileBytes = 0)
    {
        var threeClass = new ConfusionMatrix(3);
        var binary = new ConfusionMatrix(2);
        double absoluteError = 0;
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var truth = ratings[i] <= 4 ? 0 : ratings[i] <= 8 ? 1 : 2;
            threeClass.Add(truth, result.Label switch
            {
                SentimentLabels.Negative => 0,
                SentimentLabels.Neutral => 1,
                _ => 2,
            });
            absoluteError += Math.Abs(result.Rating - ratings[i]);
            if (truth != 1)
            {
                binary.Add(truth / 2, result.Probabilities.Positive > result.Probabilities.Negative ? 1 : 0);
            }
        }
        return new ModelMetrics(
            Math.Round((binary.Recall(0) + binary.Recall(1)) / 2, 4),
            Math.Round(threeClass.MacroF1(), 4),
            Math.Round(threeClass.Accuracy(), 4),
            Math.Round(absoluteError / Math.Max(1, results.Count), 4),
            fileBytes);
    }

    /// <summary>
    /// Chooses the class weights on dev: the negative weight (positive fixed at 1) for binary accuracy, then
    /// the neutral weight for three-class macro-F1. Without dev, the inverse training priors.
    /// </summary>
    public static IReadOnlyList<double> WeightGrid { get; } = [.. Enumerable.Range(0, 91).Select(i => Math.Round(0.5 + i * 0.05, 2))];   // 0.5 … 5.0

    public static RatingDecoder TuneDecoder(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> ratings)
    {
        var grid = WeightGrid;
        var bestNegative = grid.MaxBy(w => Compute(probabilities, ratings, new RatingDecoder([w, 1.0, 1.0])).BinaryAccuracy);
        var bestNeutral = grid.MaxBy(w => Compute(probabilities, ratings, new RatingDecoder([bestNegative, w, 1.0])).ThreeClassMacroF1);
        return new RatingDecoder([bestNegative, bestNeutral, 1.0]);
    }

    public static RatingDecoder FromPriors(IReadOnlyList<int> trainingRatings)
    {
        double negative = trainingRatings.Count(r => r <= 4), positive = trainingRatings.Count(r => r >= 9);
        var neutral = trainingRatings.Count - negative - positive;
        return new RatingDecoder([
            Math.Round(positive / Math.Max(1, negative), 3),
            Math.Round(positive / Math.Max(1, neutral), 3),
            1.0]);
    }
}

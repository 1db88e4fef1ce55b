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
        var confusion = new int[3, 3];
        int binaryCorrectNeg = 0, binaryNeg = 0, binaryCorrectPos = 0, binaryPos = 0;
        double absoluteError = 0;
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var truth = ratings[i] <= 4 ? 0 : ratings[i] <= 8 ? 1 : 2;
            var predicted = result.Label switch
            {
                SentimentLabels.Negative => 0,
                SentimentLabels.Neutral => 1,
                _ => 2,
            };
            confusion[truth, predicted]++;
            absoluteError += Math.Abs(result.Rating - ratings[i]);
            var saysPositive = result.Probabilities.Positive > result.Probabilities.Negative;
            if (truth == 0)
            {
                binaryNeg++;
                binaryCorrectNeg += saysPositive ? 0 : 1;
            }
            else if (truth == 2)
            {
                binaryPos++;
                binaryCorrectPos += saysPositive ? 1 : 0;
            }
        }

        double f1Sum = 0;
        var correct = 0;
        for (var c = 0; c < 3; c++)
        {
            int tp = confusion[c, c], predictedC = 0, actualC = 0;
            for (var k = 0; k < 3; k++)
            {
                predictedC += confusion[k, c];
                actualC += confusion[c, k];
            }
            correct += tp;
            f1Sum += predictedC + actualC == 0 ? 0 : 2.0 * tp / (predictedC + actualC);
        }
        var binary = 0.5 * (binaryNeg == 0 ? 0 : (double)binaryCorrectNeg / binaryNeg)
                   + 0.5 * (binaryPos == 0 ? 0 : (double)binaryCorrectPos / binaryPos);
        return new ModelMetrics(
            Math.Round(binary, 4),
            Math.Round(f1Sum / 3, 4),
            Math.Round((double)correct / Math.Max(1, results.Count), 4),
            Math.Round(absoluteError / Math.Max(1, results.Count), 4),
            fileBytes);
    }

    /// <summary>
    /// Chooses the class weights on dev: the negative weight (positive fixed at 1) for binary accuracy, then
    /// the neutral weight for three-class macro-F1. Without dev, the inverse training priors.
    /// </summary>
    public static RatingDecoder TuneDecoder(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> ratings)
    {
        double[] grid = [.. Enumerable.Range(0, 91).Select(i => Math.Round(0.5 + i * 0.05, 2))];   // 0.5 … 5.0
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

namespace MovieGpt.Cli.Evaluation;

/// <summary>Mean |predicted − true| over pairs; 0 for none.</summary>
internal static class MeanAbsoluteError
{
    public static double Of(IEnumerable<(double Predicted, double Truth)> pairs)
    {
        double sum = 0;
        long count = 0;
        foreach (var (predicted, truth) in pairs)
        {
            sum += Math.Abs(predicted - truth);
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }
}

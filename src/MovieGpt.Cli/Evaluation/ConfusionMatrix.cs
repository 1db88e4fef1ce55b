namespace MovieGpt.Cli.Evaluation;

/// <summary>Counts of (true class, predicted class) pairs, and the accuracy and F1 figures read from them.</summary>
internal sealed class ConfusionMatrix(int classes)
{
    private readonly long[,] _counts = new long[classes, classes];

    public int Classes { get; } = classes;

    public long Total { get; private set; }

    public void Add(int truth, int predicted)
    {
        _counts[truth, predicted]++;
        Total++;
    }

    public long this[int truth, int predicted] => _counts[truth, predicted];

    public double Accuracy()
    {
        long correct = 0;
        for (var c = 0; c < Classes; c++)
        {
            correct += _counts[c, c];
        }
        return Total == 0 ? 0 : (double)correct / Total;
    }

    /// <summary>2·TP / (2·TP + FP + FN); 0 for a class that is neither present nor predicted.</summary>
    public double F1(int c)
    {
        long truePositives = _counts[c, c], predicted = 0, actual = 0;
        for (var k = 0; k < Classes; k++)
        {
            predicted += _counts[k, c];
            actual += _counts[c, k];
        }
        return predicted + actual == 0 ? 0 : 2.0 * truePositives / (predicted + actual);
    }

    /// <summary>TP / (TP + FN): the share of class <paramref name="c"/> that was recognized; 0 when it never occurs.</summary>
    public double Recall(int c)
    {
        long actual = 0;
        for (var k = 0; k < Classes; k++)
        {
            actual += _counts[c, k];
        }
        return actual == 0 ? 0 : (double)_counts[c, c] / actual;
    }

    /// <summary>The unweighted mean of the per-class F1 scores, so the small negative class counts as much as the large positive one.</summary>
    public double MacroF1() => Enumerable.Range(0, Classes).Average(F1);
}

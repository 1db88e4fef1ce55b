using MovieGpt.Cli.Evaluation;

namespace MovieGpt.Cli.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    // truth → predicted, 10 reviews:
    //   negative (4): 3 → negative, 1 → neutral
    //   neutral  (3): 1 → negative, 1 → neutral, 1 → positive
    //   positive (3): 3 → positive
    private static ConfusionMatrix Example()
    {
        var matrix = new ConfusionMatrix(3);
        (int Truth, int Predicted)[] pairs = [(0, 0), (0, 0), (0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 2), (2, 2), (2, 2)];
        foreach (var (truth, predicted) in pairs)
        {
            matrix.Add(truth, predicted);
        }
        return matrix;
    }

    [Fact]
    public void Accuracy_is_the_share_of_the_diagonal()
    {
        // 3 + 1 + 3 correct of 10.
        Assert.Equal(0.7, Example().Accuracy(), precision: 12);
    }

    [Fact]
    public void Per_class_f1_is_twice_the_true_positives_over_predicted_plus_actual()
    {
        var matrix = Example();

        // negative: TP 3, predicted 4, actual 4 → 6/8; neutral: TP 1, predicted 2, actual 3 → 2/5;
        // positive: TP 3, predicted 4, actual 3 → 6/7.
        Assert.Equal(6.0 / 8, matrix.F1(0), precision: 12);
        Assert.Equal(2.0 / 5, matrix.F1(1), precision: 12);
        Assert.Equal(6.0 / 7, matrix.F1(2), precision: 12);
    }

    [Fact]
    public void Recall_is_the_share_of_a_class_that_was_recognized()
    {
        var matrix = Example();

        Assert.Equal(3.0 / 4, matrix.Recall(0), precision: 12);
        Assert.Equal(1.0 / 3, matrix.Recall(1), precision: 12);
        Assert.Equal(1.0, matrix.Recall(2), precision: 12);
        Assert.Equal(0, new ConfusionMatrix(2).Recall(1));
    }

    [Fact]
    public void Macro_f1_is_the_unweighted_mean_of_the_class_f1s()
    {
        Assert.Equal((6.0 / 8 + 2.0 / 5 + 6.0 / 7) / 3, Example().MacroF1(), precision: 12);
    }

    [Fact]
    public void A_class_neither_present_nor_predicted_has_f1_zero_and_pulls_the_macro_mean_down()
    {
        var matrix = new ConfusionMatrix(3);
        matrix.Add(0, 0);
        matrix.Add(2, 2);

        Assert.Equal(0, matrix.F1(1));
        Assert.Equal(2.0 / 3, matrix.MacroF1(), precision: 12);
    }
}

using MovieGpt.Cli.Data;
using MovieGpt.Cli.Evaluation;
using MovieGpt.Cli.Tests.Support;
using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Tests.Evaluation;

/// <summary>The evaluator's figures on hand-made data with scripted answers, computed by hand in each test.</summary>
public sealed class EvaluatorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static EvalReport Evaluate(string path, int seed = 42, int? binaryN = null) =>
        new Evaluator(ByPrefix.Analyzer()).Evaluate(ReviewDataFile.Open(path), path, seed, binaryN);

    [Fact]
    public void Rating_data_gets_three_class_figures_and_the_rating_mae_on_every_review()
    {
        // truth → predicted: 1 neg→neg, 3 neg→pos, 2 neg→neu, 6 neu→neu, 8 neu→pos, 9 pos→pos, 10 pos→pos.
        var path = _temp.WriteRatings("dev.tsv", (1, "neg a"), (3, "pos b"), (2, "neu c"), (6, "neu d"), (8, "pos e"), (9, "pos f"), (10, "pos g"));

        var report = Evaluate(path);

        // F1: negative 2·1/(1 predicted + 3 actual) = 0.5; neutral 2·1/(2 + 2) = 0.5; positive 2·2/(4 + 2) = 2/3.
        Assert.Equal("rating", report.Format);
        Assert.Equal(7, report.N);
        Assert.Equal(new ThreeClassF1(0.5, 0.5, 0.6667), report.ThreeClassF1);
        Assert.Equal(0.5556, report.ThreeClassMacroF1);
        Assert.Equal(0.5714, report.ThreeClassAccuracy);
        // |2−1| + |10−3| + |6−2| + |6−6| + |10−8| + |10−9| + |10−10| = 15, over 7.
        Assert.Equal(2.1429, report.RatingMae);
    }

    [Fact]
    public void Binary_accuracy_compares_positive_with_negative_probability_on_a_balanced_sample()
    {
        // 3 negatives (2 called negative), 3 positives (2 called positive; "neu" has P(pos) = P(neg) = 0: not positive).
        var path = _temp.WriteNsmc("dev.tsv.gz", (0, "neg a"), (0, "pos b"), (0, "neg c"), (1, "pos d"), (1, "neu e"), (1, "pos f"));

        var report = Evaluate(path);

        Assert.Equal("nsmc", report.Format);
        Assert.Equal(6, report.BinaryN);
        Assert.Equal(0.6667, report.BinaryAccuracy);
        Assert.Equal(0.6667, report.BinaryMeanRecall);
    }

    [Fact]
    public void Binary_mean_recall_reads_every_review_where_the_balanced_sample_reads_only_some()
    {
        // 1 negative (called negative), 3 positives (1 called positive): the sample holds 1 of each class.
        var path = _temp.WriteNsmc("dev.tsv", (0, "neg a"), (1, "pos b"), (1, "neg c"), (1, "neg d"));

        var report = Evaluate(path);

        Assert.Equal(2, report.BinaryN);
        // Recall 1 on negatives, 1/3 on positives.
        Assert.Equal(0.6667, report.BinaryMeanRecall);
    }

    [Fact]
    public void Nsmc_data_gets_no_rating_figures()
    {
        var path = _temp.WriteNsmc("dev.tsv", (0, "neg a"), (1, "pos b"));

        var report = Evaluate(path);

        Assert.Null(report.ThreeClassMacroF1);
        Assert.Null(report.ThreeClassAccuracy);
        Assert.Null(report.ThreeClassF1);
        Assert.Null(report.RatingMae);
    }

    [Fact]
    public void Empty_and_unreadable_reviews_are_skipped_and_counted()
    {
        var path = _temp.WriteRatings("dev.tsv", (1, "neg a"), (10, ""), (10, "   "), (9, "!!!"), (10, "pos b"));

        var report = Evaluate(path);

        Assert.Equal(2, report.N);
        Assert.Equal(3, report.SkippedEmpty);
        Assert.Equal(1.0, report.BinaryAccuracy);
    }

    [Fact]
    public void Ratings_five_to_eight_stay_out_of_the_binary_sample()
    {
        var path = _temp.WriteRatings("dev.tsv", (1, "neg a"), (5, "pos b"), (8, "pos c"), (10, "pos d"), (9, "pos e"));

        var report = Evaluate(path);

        // One negative limits the sample to one of each class.
        Assert.Equal(2, report.BinaryN);
        Assert.Equal(1.0, report.BinaryAccuracy);
    }

    [Fact]
    public void The_seed_is_reported_and_a_binary_n_caps_the_sample()
    {
        var path = _temp.WriteRatings("dev.tsv", (1, "neg a"), (2, "neg b"), (3, "neg c"), (9, "pos d"), (10, "pos e"), (10, "pos f"));

        var report = Evaluate(path, seed: 123, binaryN: 4);

        Assert.Equal(123, report.Seed);
        Assert.Equal(4, report.BinaryN);
    }

    [Fact]
    public void A_neutral_answer_leaning_positive_counts_as_positive_in_the_binary_decision()
    {
        var leaning = new SentimentResult(SentimentLabels.Neutral, 0.5, new SentimentProbabilities(0.2, 0.5, 0.3), 7);

        Assert.True(Evaluator.SaysPositive(leaning));
    }
}

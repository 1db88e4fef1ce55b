namespace MovieGpt.Cli.Evaluation;

/// <summary>
/// What `moviegpt eval` prints, as one snake_case JSON object. The rating figures are null (left out of the
/// JSON) for NSMC-format data, which has only the binary label.
/// </summary>
internal sealed record EvalReport
{
    public required string Model { get; init; }

    public required string Data { get; init; }

    /// <summary>"rating" or "nsmc".</summary>
    public required string Format { get; init; }

    /// <summary>Reviews scored (every review in the file except <see cref="SkippedEmpty"/>).</summary>
    public required int N { get; init; }

    /// <summary>Reviews the engine cannot score (empty, whitespace-only or nothing readable): left out of every figure.</summary>
    public required int SkippedEmpty { get; init; }

    public required int Seed { get; init; }

    /// <summary>Size of the class-balanced sample: half negatives (1–4), half positives (9–10).</summary>
    public required int BinaryN { get; init; }

    /// <summary>P(positive) &gt; P(negative) against the label, on the balanced sample.</summary>
    public required double BinaryAccuracy { get; init; }

    /// <summary>
    /// The mean of the two class recalls over every negative and positive review: what a balanced sample
    /// estimates, without its sampling noise (about ±0.2 points for dev's 11,716-review sample).
    /// </summary>
    public required double BinaryMeanRecall { get; init; }

    public double? ThreeClassMacroF1 { get; init; }

    public double? ThreeClassAccuracy { get; init; }

    public ThreeClassF1? ThreeClassF1 { get; init; }

    public double? RatingMae { get; init; }
}

/// <summary>Per-class F1 of the three-class task.</summary>
internal sealed record ThreeClassF1(double Negative, double Neutral, double Positive);

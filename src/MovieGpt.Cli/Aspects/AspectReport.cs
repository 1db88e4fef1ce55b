namespace MovieGpt.Cli.Aspects;

/// <summary>What `moviegpt eval-aspects` prints, as one snake_case JSON object.</summary>
internal sealed record AspectReport
{
    public required string Model { get; init; }

    public required string Data { get; init; }

    /// <summary>Reviews analyzed (empty lines of the file are skipped).</summary>
    public required int N { get; init; }

    public required double MentionMicroF1 { get; init; }

    /// <summary>The mean of the five per-aspect F1 scores.</summary>
    public required double MentionMacroF1 { get; init; }

    public required IReadOnlyDictionary<string, AspectMentionFigures> Mentions { get; init; }

    /// <summary>Found mentions whose gold label is not 0: the label must match (neutral is wrong).</summary>
    public required PolarityFigures Polarity { get; init; }

    /// <summary>The same on reviews whose gold aspects disagree (some +1, some −1).</summary>
    public required PolarityFigures PolarityDisagreeing { get; init; }

    /// <summary>Baseline: every found mention gets the whole review's polarity (P(positive) ≥ P(negative)).</summary>
    public required PolarityFigures BaselinePolarity { get; init; }

    public required PolarityFigures BaselinePolarityDisagreeing { get; init; }

    /// <summary>Found mentions labelled neutral (always wrong against ±1 gold).</summary>
    public required int NeutralLabels { get; init; }

    /// <summary>Reviews per second through <see cref="Sentiment.Aspects.AspectAnalyzer.AnalyzeBatch"/> in batches, after a warm-up pass.</summary>
    public required double ReviewsPerSecond { get; init; }
}

/// <summary>Mention detection for one aspect: reviews labelled (gold ≠ 0), found, and both.</summary>
internal sealed record AspectMentionFigures(int Gold, int Found, int Correct, double Precision, double Recall, double F1);

/// <summary>How many mentions were judged (Reviews: in how many reviews) and the share with the right label.</summary>
internal sealed record PolarityFigures(int Reviews, int Mentions, int Correct, double Accuracy);

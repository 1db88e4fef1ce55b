namespace MovieGpt.Sentiment.Aspects;

/// <summary>The five aspects a review can talk about, as they appear in JSON (Korean, as reviewers write them).</summary>
public static class AspectNames
{
    /// <summary>Acting and cast.</summary>
    public const string Acting = "연기";

    /// <summary>Story and plot.</summary>
    public const string Story = "스토리";

    /// <summary>Direction, editing and cinematography.</summary>
    public const string Direction = "연출";

    /// <summary>Action scenes.</summary>
    public const string Action = "액션";

    /// <summary>Music and sound.</summary>
    public const string Music = "음악";

    /// <summary>All five, in the order results and reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Acting, Story, Direction, Action, Music];
}

/// <summary>
/// What a review says about one aspect: <see cref="Label"/> is one of <see cref="SentimentLabels"/>,
/// <see cref="Score"/> the probability of that label, <see cref="Evidence"/> the text that carries it:
/// the clause that names the aspect, or that clause and the next one when the label was read from both.
/// <see cref="Start"/> and <see cref="Length"/> place the evidence in the review (UTF-16 offsets), so a UI
/// can highlight it.
/// </summary>
public sealed record AspectMention(string Aspect, string Label, double Score, string Evidence, int Start, int Length);

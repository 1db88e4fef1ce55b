using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Tests.Support;

/// <summary>Scripted answers by the first word of the text: "neg" → negative 2.0, "neu" → neutral 6.0, "pos" → positive 10.0.</summary>
internal static class ByPrefix
{
    public static SentimentResult Answer(string text) => text.Split(' ')[0] switch
    {
        "neg" => ScriptedAnalyzer.Sure(SentimentLabels.Negative, 2),
        "neu" => ScriptedAnalyzer.Sure(SentimentLabels.Neutral, 6),
        "pos" => ScriptedAnalyzer.Sure(SentimentLabels.Positive, 10),
        var other => throw new InvalidOperationException($"no scripted answer for '{other}'"),
    };

    public static ScriptedAnalyzer Analyzer() => new(Answer);
}

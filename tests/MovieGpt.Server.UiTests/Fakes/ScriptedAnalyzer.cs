using System.Collections.Concurrent;
using MovieGpt.Sentiment;

namespace MovieGpt.Server.UiTests.Fakes;

/// <summary>Answers with a fixed verdict per text (or a default) and records every text it was asked about.</summary>
public sealed class ScriptedAnalyzer(SentimentResult answer) : ISentimentAnalyzer
{
    public ConcurrentQueue<string> Asked { get; } = new();

    public ModelInfo Model { get; } = new("scripted", "test", "", "");

    public SentimentResult Analyze(string text)
    {
        Asked.Enqueue(text);
        return answer;
    }

    public IReadOnlyList<SentimentResult> AnalyzeBatch(IReadOnlyList<string> texts) => texts.Select(Analyze).ToList();

    public void Dispose()
    {
    }
}

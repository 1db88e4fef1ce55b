using MovieGpt.Sentiment.Tests.Transformers;

namespace MovieGpt.Sentiment.Tests;

/// <summary>A host shutting down disposes the analyzer while requests may still be scoring: both kinds of model.</summary>
public sealed class AnalyzerDisposeTests : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public void Dispose() => _owned.ForEach(d => d.Dispose());

    public static TheoryData<string> Kinds => ["shipped", "transformer"];

    private ISentimentAnalyzer Load(string kind)
    {
        if (kind == "shipped")
        {
            return SentimentModelLoader.Load(new SentimentOptions());
        }
        var folder = ExportFolder.WithRealTokenizer(new TinyClassifierGraph { TokenScores = { [SharedTokenizer.Id("최고")] = [0f, 3f] } });
        _owned.Add(folder);
        return folder.Load();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task DisposingWhileRunsAreInFlightLetsThemFinishAndRefusesLaterOnes(string kind)
    {
        var analyzer = Load(kind);
        var texts = Enumerable.Range(0, 32).Select(i => $"배우들 연기가 정말 최고 {i}").ToArray();
        using var started = new CountdownEvent(2);
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            started.Signal();
            var scored = 0;
            try
            {
                while (true)
                {
                    scored += analyzer.AnalyzeBatch(texts).Count;
                }
            }
            catch (ObjectDisposedException)
            {
                return scored;
            }
        })).ToArray();

        started.Wait(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        analyzer.Dispose();
        var scoredByRun = await Task.WhenAll(runs);

        Assert.All(scoredByRun, scored => Assert.Equal(0, scored % texts.Length));
        Assert.Throws<ObjectDisposedException>(() => analyzer.Analyze("또 보고 싶은 영화"));
        analyzer.Dispose();   // twice is harmless
    }
}

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
    public void DisposingWhileRunsAreInFlightLetsThemFinishAndRefusesLaterOnes(string kind)
    {
        var analyzer = Load(kind);
        var texts = Enumerable.Range(0, 32).Select(i => $"배우들 연기가 정말 최고 {i}").ToArray();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var scored = new int[2];
        var refused = new bool[2];
        using var started = new CountdownEvent(scored.Length);
        // Threads of their own, bounded by a deadline: two busy loops on the thread pool of a 2-core machine starved
        // this test's own continuation, and the loops never saw the analyzer disposed.
        var runs = Enumerable.Range(0, scored.Length).Select(k => new Thread(() =>
        {
            started.Signal();
            try
            {
                while (DateTime.UtcNow < deadline)
                {
                    scored[k] += analyzer.AnalyzeBatch(texts).Count;
                }
            }
            catch (ObjectDisposedException)
            {
                refused[k] = true;
            }
        }) { IsBackground = true }).ToArray();
        Array.ForEach(runs, r => r.Start());

        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        Thread.Sleep(50);
        analyzer.Dispose();
        Assert.All(runs, r => Assert.True(r.Join(TimeSpan.FromSeconds(70))));

        Assert.Equal([true, true], refused);
        Assert.All(scored, s => Assert.Equal(0, s % texts.Length));
        Assert.Throws<ObjectDisposedException>(() => analyzer.Analyze("또 보고 싶은 영화"));
        analyzer.Dispose();   // twice is harmless
    }
}

using MovieGpt.Sentiment.Onnx;

namespace MovieGpt.Sentiment.Tests.Onnx;

/// <summary>A host shutting down disposes the analyzer while requests may still be scoring.</summary>
public sealed class AnalyzerDisposeTests
{
    [Fact]
    public async Task DisposingWhileRunsAreInFlightLetsThemFinishAndRefusesLaterOnes()
    {
        var analyzer = (OnnxSentimentAnalyzer)SentimentModelLoader.Load(new SentimentOptions());
        var texts = Enumerable.Range(0, 32).Select(i => $"배우들 연기가 정말 좋았어요 {i}").ToArray();
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

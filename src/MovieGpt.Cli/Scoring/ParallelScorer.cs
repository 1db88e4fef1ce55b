using MovieGpt.Cli.Commands;
using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Scoring;

/// <summary>
/// Scores many texts with <see cref="ISentimentAnalyzer.AnalyzeBatch"/> in fixed-size chunks spread over the
/// cores (the analyzer is thread-safe), keeping input order. Texts the engine rejects (empty, whitespace,
/// nothing readable) get an error instead of failing the whole batch.
/// </summary>
internal sealed class ParallelScorer(ISentimentAnalyzer analyzer, int chunkSize = ParallelScorer.DefaultChunkSize, int threads = 0)
{
    // The analyzer sorts a batch by length before cutting it into model-sized chunks, so large batches pad less
    // (`bench` with both sizes: docs/performance.md).
    public const int DefaultChunkSize = 2048;

    private readonly int _chunkSize = chunkSize > 0 ? chunkSize : throw new ArgumentOutOfRangeException(nameof(chunkSize));
    private readonly int _threads = threads > 0 ? threads : Environment.ProcessorCount;

    public int Threads => _threads;

    public int ChunkSize => _chunkSize;

    public ScoreOutcome[] Score(IReadOnlyList<string> texts)
    {
        var outcomes = new ScoreOutcome[texts.Count];
        var chunks = (texts.Count + _chunkSize - 1) / _chunkSize;
        if (chunks <= 1)
        {
            ScoreChunk(texts, 0, texts.Count, outcomes);
            return outcomes;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = _threads }, chunk =>
        {
            var start = chunk * _chunkSize;
            ScoreChunk(texts, start, Math.Min(_chunkSize, texts.Count - start), outcomes);
        });
        return outcomes;
    }

    private void ScoreChunk(IReadOnlyList<string> texts, int start, int count, ScoreOutcome[] outcomes)
    {
        var positions = new List<int>(count);
        var batch = new List<string>(count);
        for (var i = start; i < start + count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                outcomes[i] = ScoreOutcome.Rejected(ScoreOutcome.EmptyText);
                continue;
            }
            positions.Add(i);
            batch.Add(texts[i]);
        }
        if (batch.Count == 0)
        {
            return;
        }
        IReadOnlyList<SentimentResult> results;
        try
        {
            results = analyzer.AnalyzeBatch(batch);
        }
        catch (ArgumentException)
        {
            // One unreadable text spoils the batch call; find it (and score the rest) one by one.
            for (var k = 0; k < batch.Count; k++)
            {
                outcomes[positions[k]] = ScoreOne(batch[k]);
            }
            return;
        }
        for (var k = 0; k < batch.Count; k++)
        {
            outcomes[positions[k]] = ScoreOutcome.Of(results[k]);
        }
    }

    private ScoreOutcome ScoreOne(string text)
    {
        try
        {
            return ScoreOutcome.Of(analyzer.Analyze(text));
        }
        catch (ArgumentException e)
        {
            return ScoreOutcome.Rejected(ExceptionText.Of(e));
        }
    }
}

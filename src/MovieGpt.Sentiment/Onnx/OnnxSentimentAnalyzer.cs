using Microsoft.ML.OnnxRuntime;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Sentiment.Onnx;

/// <summary>
/// Our own model: normalized text → hashed n-gram ids per bag member and, when the manifest has one,
/// character ids for the CNN member (both in C#) → one ONNX graph that averages the members' distributions
/// over the ten star ratings → <see cref="RatingDecoder"/>. The session is created once; ONNX Runtime's Run
/// is thread-safe, so one instance serves every request.
/// </summary>
public sealed class OnnxSentimentAnalyzer : ISentimentAnalyzer
{
    public const string ProbabilitiesOutput = "rating_probs";

    // Batches are cut into chunks so that padding stays small and every core gets work.
    private const int ChunkSize = 64;

    private readonly InferenceSession _session;
    private readonly TextNormalizer _normalizer;
    private readonly HashingFeaturizer[] _featurizers;
    private readonly CharSequenceEncoder? _characters;
    private readonly string[] _inputNames;
    private readonly RatingDecoder _decoder;
    private readonly string[] _outputNames = [ProbabilitiesOutput];
    private readonly EmojiLexicon _emoji = EmojiLexicon.Default;

    // Read-only once made, so concurrent runs share it.
    private readonly RunOptions _runOptions = new();

    private readonly SessionGuard _guard;

    private OnnxSentimentAnalyzer(InferenceSession session, ModelManifest manifest, ModelInfo info, SentimentOptions options)
    {
        _session = session;
        _guard = new SessionGuard(this);
        _normalizer = new TextNormalizer(options.MaxCharacters);
        _featurizers = [.. manifest.Featurizers.Select(f => new HashingFeaturizer(f))];
        _characters = manifest.CharCnn is { } cnn ? new CharSequenceEncoder(cnn) : null;
        _inputNames = [.. OnnxGraphInputs.Names(manifest)];
        _decoder = manifest.Decoder;
        Manifest = manifest;
        Model = info;
    }

    public ModelInfo Model { get; }

    public ModelManifest Manifest { get; }

    public static OnnxSentimentAnalyzer Load(string directory, SentimentOptions options)
    {
        var manifest = ModelManifest.Read(directory);
        var file = Path.Combine(directory, manifest.ModelFile);
        if (!File.Exists(file))
        {
            throw new SentimentModelException($"{file} is missing: {ModelManifest.FileName} names it as the model file.");
        }
        // Before the graph is parsed: a damaged file is named as not matching, whatever the damage does to the parser.
        manifest.VerifyModelFile(file);
        var session = OnnxSessionFactory.Open(file, options, memoryArena: false);
        try
        {
            OnnxSessionFactory.RequireInputs(session, file, [.. OnnxGraphInputs.Names(manifest)]);
            OnnxSessionFactory.RequireOutput(session, file, ProbabilitiesOutput);
            return new OnnxSentimentAnalyzer(session, manifest, new ModelInfo(manifest.Name, "moviegpt-onnx", directory, file), options);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public SentimentResult Analyze(string text) => AnalyzeChunk([text])[0];

    public IReadOnlyList<SentimentResult> AnalyzeBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }
        // One chunk on the caller's thread: Parallel.For runs even one iteration as a task on the thread pool, so a
        // caller on a thread of its own (the server's review writer) waited behind every queued request and lost its
        // priority.
        if (texts.Count <= ChunkSize)
        {
            return AnalyzeChunk(texts);
        }
        // Reviews of similar length share a chunk, so padding to the chunk's longest review stays small.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i]?.Length ?? 0).ToArray();
        var results = new SentimentResult[texts.Count];
        var chunks = (texts.Count + ChunkSize - 1) / ChunkSize;
        try
        {
            Parallel.For(0, chunks, chunk =>
            {
                var members = order.AsSpan(chunk * ChunkSize, Math.Min(ChunkSize, texts.Count - chunk * ChunkSize)).ToArray();
                var part = AnalyzeChunk([.. members.Select(i => texts[i])]);
                for (var i = 0; i < members.Length; i++)
                {
                    results[members[i]] = part[i];
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The caller gets the error itself (an empty review is an ArgumentException), not the parallel wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return results;
    }

    private SentimentResult[] AnalyzeChunk(IReadOnlyList<string> texts)
    {
        // A review longer than the character window becomes several rows (ReviewWindows); rowStarts[i] is
        // review i's first row.
        var rows = new List<string>(texts.Count);
        var rowStarts = new int[texts.Count + 1];
        var normalized = new string[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            normalized[i] = _normalizer.Normalize(texts[i]);
            rowStarts[i] = rows.Count;
            if (_characters is null)
            {
                rows.Add(normalized[i]);
            }
            else
            {
                ReviewWindows.Split(normalized[i], _characters.Settings.MaxLength, rows);
            }
        }
        rowStarts[texts.Count] = rows.Count;
        var rowTexts = rows.ToArray();
        var inputs = new List<OrtValue>(_featurizers.Length * 2);
        try
        {
            foreach (var featurizer in _featurizers)
            {
                inputs.AddRange(OnnxGraphInputs.FeatureTensors(featurizer, rowTexts));
            }
            if (_characters is not null)
            {
                inputs.AddRange(OnnxGraphInputs.CharacterTensors(_characters, rowTexts));
            }
            return Score(inputs, rowTexts, rowStarts, normalized);
        }
        finally
        {
            inputs.ForEach(v => v.Dispose());
        }
    }

    private SentimentResult[] Score(IReadOnlyCollection<OrtValue> inputs, string[] rows, int[] rowStarts, string[] normalized)
    {
        return _guard.Run(() => ScoreOnSession(inputs, rows, rowStarts, normalized));
    }

    private SentimentResult[] ScoreOnSession(IReadOnlyCollection<OrtValue> inputs, string[] rows, int[] rowStarts, string[] normalized)
    {
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(_runOptions, _inputNames, inputs, _outputNames);
        }
        catch (OnnxRuntimeException e)
        {
            throw new SentimentModelException($"The model failed while scoring: {e.Message}", e);
        }
        using (outputs)
        {
            var probabilities = outputs[0].GetTensorDataAsSpan<float>();
            var levels = Manifest.RatingLevels;
            if (probabilities.Length != rows.Length * levels)
            {
                throw new SentimentModelException($"The model answered {probabilities.Length} values for {rows.Length} reviews.");
            }
            var results = new SentimentResult[normalized.Length];
            Span<float> combined = stackalloc float[levels];
            for (var i = 0; i < normalized.Length; i++)
            {
                var (first, count) = (rowStarts[i], rowStarts[i + 1] - rowStarts[i]);
                var review = probabilities.Slice(first * levels, count * levels);
                var emoji = _emoji.Read(normalized[i]);
                if (count == 1 && emoji is null)
                {
                    results[i] = _decoder.Decode(review);
                    continue;
                }
                Combine(review, rows.AsSpan(first, count), _characters?.Settings.MaxLength ?? 0, combined);
                emoji?.PullToward(combined, _decoder.ClassWeights);
                results[i] = _decoder.Decode(combined);
            }
            return results;
        }
    }

    /// <summary>The rows' rating distributions averaged with <see cref="ReviewWindows.Weight"/>.</summary>
    private static void Combine(ReadOnlySpan<float> windows, ReadOnlySpan<string> texts, int maxLength, Span<float> combined)
    {
        var levels = combined.Length;
        combined.Clear();
        double total = 0;
        for (var w = 0; w < texts.Length; w++)
        {
            var weight = ReviewWindows.Weight(w, texts.Length, texts[w].Length, maxLength);
            total += weight;
            for (var k = 0; k < levels; k++)
            {
                combined[k] += (float)(weight * windows[w * levels + k]);
            }
        }
        for (var k = 0; k < levels; k++)
        {
            combined[k] = (float)(combined[k] / total);
        }
    }

    /// <summary>Refuses new runs, waits for those in flight (a run takes milliseconds), then frees the session.</summary>
    public void Dispose() => _guard.Close(() =>
    {
        _session.Dispose();
        _runOptions.Dispose();
    });
}

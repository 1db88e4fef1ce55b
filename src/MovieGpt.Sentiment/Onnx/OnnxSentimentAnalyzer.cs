using Microsoft.ML.OnnxRuntime;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Sentiment.Onnx;

/// <summary>
/// Our own model: normalized text → hashed n-gram ids (in C#) → ONNX graph (embedding bag, MLP, softmax
/// over the ten star ratings) → <see cref="RatingDecoder"/>. The session is created once; ONNX Runtime's
/// Run is thread-safe, so one instance serves every request.
/// </summary>
public sealed class OnnxSentimentAnalyzer : ISentimentAnalyzer
{
    public const string IdsInput = "ids";
    public const string WeightsInput = "weights";
    public const string ProbabilitiesOutput = "rating_probs";

    // Batches are cut into chunks so padding stays small and every core gets work.
    private const int ChunkSize = 256;

    private readonly InferenceSession _session;
    private readonly TextNormalizer _normalizer;
    private readonly HashingFeaturizer _featurizer;
    private readonly RatingDecoder _decoder;

    private OnnxSentimentAnalyzer(InferenceSession session, ModelManifest manifest, ModelInfo info, SentimentOptions options)
    {
        _session = session;
        _normalizer = new TextNormalizer(options.MaxCharacters);
        _featurizer = new HashingFeaturizer(manifest.Featurizer);
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
        var session = OnnxSessionFactory.Open(file, options);
        try
        {
            OnnxSessionFactory.RequireInputs(session, file, IdsInput, WeightsInput);
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
        if (texts.Count <= ChunkSize)
        {
            return AnalyzeChunk(texts);
        }
        var results = new SentimentResult[texts.Count];
        var chunks = (texts.Count + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, chunk =>
        {
            var start = chunk * ChunkSize;
            var count = Math.Min(ChunkSize, texts.Count - start);
            var part = AnalyzeChunk(new ArraySegment<string>([.. Enumerable.Range(start, count).Select(i => texts[i])]));
            for (var i = 0; i < count; i++)
            {
                results[start + i] = part[i];
            }
        });
        return results;
    }

    private SentimentResult[] AnalyzeChunk(IReadOnlyList<string> texts)
    {
        var features = new int[texts.Count][];
        var width = 1;
        for (var i = 0; i < texts.Count; i++)
        {
            features[i] = _featurizer.Featurize(_normalizer.Normalize(texts[i]));
            width = Math.Max(width, features[i].Length);
        }

        // Padding rows point at bucket 0 with weight 0, so they add nothing to the mean.
        var ids = new long[texts.Count * width];
        var weights = new float[texts.Count * width];
        for (var i = 0; i < texts.Count; i++)
        {
            var row = features[i];
            var weight = 1f / row.Length;
            for (var j = 0; j < row.Length; j++)
            {
                ids[i * width + j] = row[j];
                weights[i * width + j] = weight;
            }
        }

        long[] shape = [texts.Count, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var weightsValue = OrtValue.CreateTensorValueFromMemory(weights, shape);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(new RunOptions(), [IdsInput, WeightsInput], [idsValue, weightsValue], [ProbabilitiesOutput]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new SentimentModelException($"The model failed while scoring: {e.Message}", e);
        }
        using (outputs)
        {
            var probabilities = outputs[0].GetTensorDataAsSpan<float>();
            var levels = Manifest.RatingLevels;
            if (probabilities.Length != texts.Count * levels)
            {
                throw new SentimentModelException($"The model answered {probabilities.Length} values for {texts.Count} reviews.");
            }
            var results = new SentimentResult[texts.Count];
            for (var i = 0; i < texts.Count; i++)
            {
                results[i] = _decoder.Decode(probabilities.Slice(i * levels, levels));
            }
            return results;
        }
    }

    public void Dispose() => _session.Dispose();
}

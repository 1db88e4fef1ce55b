using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using MovieGpt.Sentiment.Onnx;

namespace MovieGpt.Sentiment.Transformers;

/// <summary>
/// A Hugging Face sequence classifier exported to ONNX by Optimum (see <see cref="TransformerModelFiles"/>):
/// <see cref="WordPieceEncoder"/> → input_ids / attention_mask / token_type_ids → logits →
/// <see cref="SentimentLabelMap"/> (labels from id2label; a binary model answers neutral only below
/// <see cref="SentimentOptions.NeutralThreshold"/>; rating 1 + 9 × positivity).
/// <para>Text goes to the model as its own tokenizer would see it (no MovieGpt normalization): cut to
/// <see cref="SentimentOptions.MaxCharacters"/> characters, then to 512 tokens with [CLS] and [SEP] (fewer
/// when config.json max_position_embeddings or tokenizer_config.json model_max_length say so), keeping the
/// head of the review. Empty or whitespace-only text is an <see cref="ArgumentException"/>.</para>
/// <para>Loaded once; the session and the tokenizer are shared by all threads (ONNX Runtime's Run is
/// thread-safe). Batches are tokenized first (so a bad review fails before any inference), sorted by
/// length and run in chunks of 32 with dynamic padding, in parallel; results come back in input order.</para>
/// </summary>
public sealed class TransformerSentimentAnalyzer : ISentimentAnalyzer
{
    public const string Kind = "hf-transformer-onnx";
    public const int MaxTokensLimit = 512;

    // Reviews are sorted by length and run in chunks, so a long review pads few short ones.
    private const int ChunkSize = 32;

    private readonly InferenceSession _session;
    private readonly SessionGuard _guard;
    private readonly WordPieceEncoder _encoder;
    private readonly SentimentLabelMap _labels;
    private readonly double _neutralThreshold;
    private readonly string[] _inputNames;

    private TransformerSentimentAnalyzer(InferenceSession session, WordPieceEncoder encoder, SentimentLabelMap labels,
        bool usesTokenTypes, double neutralThreshold, ModelInfo model)
    {
        _session = session;
        _guard = new SessionGuard(this);
        _encoder = encoder;
        _labels = labels;
        _neutralThreshold = neutralThreshold;
        _inputNames = usesTokenTypes
            ? [TransformerGraphContract.InputIds, TransformerGraphContract.AttentionMask, TransformerGraphContract.TokenTypeIds]
            : [TransformerGraphContract.InputIds, TransformerGraphContract.AttentionMask];
        Model = model;
    }

    public ModelInfo Model { get; }

    public WordPieceEncoder Encoder => _encoder;

    public SentimentLabelMap Labels => _labels;

    /// <summary>Opens an export folder; anything missing or malformed is a <see cref="SentimentModelException"/> naming the file.</summary>
    public static ISentimentAnalyzer Load(string dir, SentimentOptions options) => Open(dir, options);

    public static TransformerSentimentAnalyzer Open(string dir, SentimentOptions options)
    {
        var files = TransformerModelFiles.Locate(dir);
        JsonElement? config = ModelFolderJson.ReadRequired(files.Config, "a Hugging Face export needs its config.json");
        var labels = SentimentLabelMap.FromConfig(config.Value, files.Config);
        var settings = TokenizerSettings.Read(files);
        var maxTokens = Math.Min(MaxTokensLimit,
            Math.Min(config.PositiveInt("max_position_embeddings") ?? int.MaxValue, settings.ModelMaxLength ?? int.MaxValue));
        var encoder = WordPieceEncoder.Load(files, settings, maxTokens, options.MaxCharacters);
        if (config.PositiveInt("vocab_size") is { } vocabSize && encoder.VocabularySize > vocabSize)
        {
            throw new SentimentModelException(
                $"{files.VocabTxt ?? files.TokenizerJson} has {encoder.VocabularySize} pieces but {files.Config} says vocab_size {vocabSize}: " +
                "the vocabulary does not belong to this model.");
        }
        var session = OnnxSessionFactory.Open(files.Model, options, memoryArena: true);
        try
        {
            var usesTokenTypes = TransformerGraphContract.Check(session, files.Model, labels.Count);
            var name = config.String("_name_or_path") is { Length: > 0 } named ? named : Path.GetFileName(Path.TrimEndingDirectorySeparator(dir));
            return new TransformerSentimentAnalyzer(session, encoder, labels, usesTokenTypes, options.NeutralThreshold,
                new ModelInfo(name, Kind, dir, files.Model));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public SentimentResult Analyze(string text) => Score(_encoder.EncodeBatch([text]))[0];

    public IReadOnlyList<SentimentResult> AnalyzeBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        // Every review is tokenized (and so validated) before any inference runs.
        var rows = texts.Select(_encoder.Encode).ToArray();
        var order = Enumerable.Range(0, rows.Length).OrderBy(i => rows[i].Length).ToArray();
        var results = new SentimentResult[rows.Length];
        var chunks = (rows.Length + ChunkSize - 1) / ChunkSize;
        try
        {
            Parallel.For(0, chunks, chunk =>
            {
                var members = order.Skip(chunk * ChunkSize).Take(ChunkSize).ToArray();
                var scored = Score(EncodedBatch.Pad([.. members.Select(i => rows[i])], _encoder.PaddingId));
                for (var k = 0; k < members.Length; k++)
                {
                    results[members[k]] = scored[k];
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The caller gets the error itself (a disposed analyzer, a failing model), not the parallel wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return results;
    }

    private SentimentResult[] Score(EncodedBatch batch)
    {
        var shape = batch.Shape;
        using var ids = OrtValue.CreateTensorValueFromMemory(batch.InputIds, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(batch.AttentionMask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(batch.TokenTypeIds, shape);
        OrtValue[] inputs = _inputNames.Length == 3 ? [ids, mask, types] : [ids, mask];
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _guard.Run(() =>
            {
                using var runOptions = new RunOptions();
                return _session.Run(runOptions, _inputNames, inputs, [TransformerGraphContract.Logits]);
            });
        }
        catch (OnnxRuntimeException e)
        {
            throw new SentimentModelException($"The model {Model.File} failed while scoring: {e.Message}", e);
        }
        using (outputs)
        {
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            if (logits.Length != batch.Rows * _labels.Count)
            {
                throw new SentimentModelException(
                    $"The model {Model.File} answered {logits.Length} logits for {batch.Rows} reviews and {_labels.Count} labels.");
            }
            var results = new SentimentResult[batch.Rows];
            for (var i = 0; i < batch.Rows; i++)
            {
                results[i] = _labels.Decode(logits.Slice(i * _labels.Count, _labels.Count), _neutralThreshold);
            }
            return results;
        }
    }

    /// <summary>Refuses new runs, waits for those in flight, then frees the session.</summary>
    public void Dispose() => _guard.Close(_session.Dispose);
}

using System.Diagnostics;
using System.Security.Cryptography;
using MovieGpt.Cli.Data;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Onnx;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>What a training run produced.</summary>
internal sealed record TrainingSummary(
    string OutputDirectory,
    int Examples,
    int Skipped,
    TimeSpan Elapsed,
    RatingDecoder Decoder,
    IReadOnlyDictionary<string, ModelMetrics> Metrics,
    string ShippedVariant);

/// <summary>
/// Data file → featurized corpus → trained network → FP32 and INT8 ONNX graphs → both scored on dev through
/// ONNX Runtime (the same code path the service uses) → manifest naming the INT8 graph unless it loses
/// more than half a point of binary accuracy to FP32.
/// </summary>
internal sealed class TrainingPipeline(TrainingOptions options, Action<string> log)
{
    public const string Fp32File = "model.fp32.onnx";
    public const string Int8File = "model.int8.onnx";
    private const double AllowedInt8Loss = 0.005;

    public TrainingSummary Run(string dataPath, string? devPath, string outputDirectory, IProgress<TrainingProgress>? progress)
    {
        var clock = Stopwatch.StartNew();
        var normalizer = new TextNormalizer(new SentimentOptions().MaxCharacters);
        var featurizer = new HashingFeaturizer(options.Featurizer);

        var train = Load(dataPath, options.MaxExamples);
        log($"read {train.Count:N0} training reviews from {dataPath}");
        var corpus = FeatureCorpus.Build(train, normalizer, featurizer, out var skipped);
        log($"featurized {corpus.Count:N0} reviews ({corpus.Ids.Length:N0} n-grams, {skipped} without readable text skipped) in {clock.Elapsed.TotalSeconds:F0} s");

        var network = new EmbeddingBagTrainer(options).Train(corpus, progress);
        log($"trained in {clock.Elapsed.TotalSeconds:F0} s");

        List<LabeledReview>? dev = devPath is null ? null : [.. Load(devPath, 0).Where(r => !string.IsNullOrWhiteSpace(r.Text))];
        var decoder = dev is { Count: > 0 } && dev[0].Rating is not null
            ? TuneOnDev(network, dev, normalizer, featurizer)
            : RatingMetrics.FromPriors([.. corpus.Ratings.Select(r => r + 1)]);
        log($"decoder class weights: [{string.Join(", ", decoder.ClassWeights)}]");

        Directory.CreateDirectory(outputDirectory);
        OnnxModelWriter.Write(network, Path.Combine(outputDirectory, Fp32File), int8: false);
        OnnxModelWriter.Write(network, Path.Combine(outputDirectory, Int8File), int8: true);

        var manifest = new ModelManifest
        {
            Name = "moviegpt-ko-sentiment",
            ModelFile = Int8File,
            Featurizer = options.Featurizer,
            Decoder = decoder,
            Training = new TrainingRecord(
                Path.GetFileName(dataPath),
                Sha256(dataPath),
                corpus.Count,
                devPath is null ? null : Path.GetFileName(devPath),
                DateTime.UtcNow,
                options.Describe()),
        };
        var metrics = new Dictionary<string, ModelMetrics>();
        if (dev is { Count: > 0 } && dev[0].Rating is not null)
        {
            foreach (var (variant, file) in new[] { ("fp32", Fp32File), ("int8", Int8File) })
            {
                metrics[variant] = EvaluateFile(manifest with { ModelFile = file }, outputDirectory, dev);
                log($"{variant}: {metrics[variant]}");
            }
        }
        var shipped = metrics.Count == 2 && metrics["fp32"].BinaryAccuracy - metrics["int8"].BinaryAccuracy > AllowedInt8Loss
            ? Fp32File
            : Int8File;
        (manifest with { ModelFile = shipped, Metrics = metrics.Count > 0 ? metrics : null }).Write(outputDirectory);
        return new TrainingSummary(outputDirectory, corpus.Count, skipped, clock.Elapsed, decoder, metrics, shipped);
    }

    private static List<LabeledReview> Load(string path, int max)
    {
        var reviews = ReviewDataFile.Open(path).Read();
        return max > 0 ? [.. reviews.Take(max)] : [.. reviews];
    }

    private static RatingDecoder TuneOnDev(EmbeddingBagNetwork network, List<LabeledReview> dev, TextNormalizer normalizer, HashingFeaturizer featurizer)
    {
        var probabilities = new float[dev.Count][];
        Parallel.For(0, dev.Count, () => network.CreateWorkspace(), (i, _, workspace) =>
        {
            network.Forward(featurizer.Featurize(normalizer.Normalize(dev[i].Text)), workspace);
            probabilities[i] = [.. workspace.Probabilities];
            return workspace;
        }, _ => { });
        return RatingMetrics.TuneDecoder(probabilities, [.. dev.Select(r => r.Rating!.Value)]);
    }

    /// <summary>Scores dev through ONNX Runtime with the manifest as it will be shipped.</summary>
    private static ModelMetrics EvaluateFile(ModelManifest manifest, string directory, List<LabeledReview> dev)
    {
        var probe = Path.Combine(Path.GetTempPath(), "moviegpt-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            File.Copy(Path.Combine(directory, manifest.ModelFile), Path.Combine(probe, manifest.ModelFile));
            manifest.Write(probe);
            using var analyzer = OnnxSentimentAnalyzer.Load(probe, new SentimentOptions());
            var results = analyzer.AnalyzeBatch([.. dev.Select(r => r.Text)]);
            return RatingMetrics.Compute(results, [.. dev.Select(r => r.Rating!.Value)], new FileInfo(Path.Combine(directory, manifest.ModelFile)).Length);
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

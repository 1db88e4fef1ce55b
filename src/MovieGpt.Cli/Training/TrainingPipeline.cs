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
        var train = Load(dataPath, options.MaxExamples);
        log($"read {train.Count:N0} training reviews from {dataPath}");

        // Normalized once: every member reads the same texts.
        var readable = train.AsParallel().AsOrdered()
            .Select(r => (Review: r, Text: TryNormalize(normalizer, r.Text)))
            .Where(x => x.Text is not null)
            .ToList();
        List<string> texts = [.. readable.Select(x => x.Text!)];
        List<LabeledReview> reviews = [.. readable.Select(x => x.Review)];
        var skipped = train.Count - readable.Count;
        log($"normalized {reviews.Count:N0} reviews ({skipped} without readable text skipped)");

        var members = new List<EmbeddingBagNetwork>();
        for (var k = 0; k < options.Featurizers.Count; k++)
        {
            var corpus = FeatureCorpus.Build(texts, reviews, new HashingFeaturizer(options.Featurizers[k]));
            log($"member {k + 1}/{options.Featurizers.Count}: {corpus.Ids.Length:N0} n-grams");
            members.Add(new EmbeddingBagTrainer(options).Train(corpus, options.Featurizers[k], options.DimOf(k), options.HiddenOf(k), options.EmbeddingRateOf(k), options.Seed + k, progress));
            log($"member {k + 1}/{options.Featurizers.Count}: trained at {clock.Elapsed.TotalSeconds:F0} s");
        }

        CharacterMembers? characters = null;
        if (options.CharCnnShare > 0 || options.CharGruShare > 0)
        {
            characters = new CharacterMembersTrainer(options).Train(texts, reviews, progress);
        }
        log($"all members trained at {clock.Elapsed.TotalSeconds:F0} s");

        List<LabeledReview>? dev = devPath is null ? null : [.. Load(devPath, 0).Where(r => !string.IsNullOrWhiteSpace(r.Text))];
        var decoder = RatingMetrics.FromPriors([.. reviews.Select(FeatureCorpus.TrainingRating)]);
        if (dev is { Count: > 0 } && dev[0].Rating is not null)
        {
            (decoder, characters) = new EnsembleTuner(log).Tune(members, options.Featurizers, characters, dev, normalizer);
        }
        log($"decoder class weights: [{string.Join(", ", decoder.ClassWeights)}]");

        Directory.CreateDirectory(outputDirectory);
        OnnxModelWriter.Write(members, characters, Path.Combine(outputDirectory, Fp32File), int8: false);
        OnnxModelWriter.Write(members, characters, Path.Combine(outputDirectory, Int8File), int8: true);

        var manifest = new ModelManifest
        {
            Name = "moviegpt-ko-sentiment",
            ModelFile = Int8File,
            Featurizers = options.Featurizers,
            CharCnn = characters?.Settings,
            Decoder = decoder,
            Training = new TrainingRecord(
                Path.GetFileName(dataPath),
                Sha256(dataPath),
                reviews.Count,
                devPath is null ? null : Path.GetFileName(devPath),
                DateTime.UtcNow,
                options.Describe()),
        };
        var metrics = new Dictionary<string, ModelMetrics>();
        if (dev is { Count: > 0 } && dev[0].Rating is not null)
        {
            foreach (var (variant, file) in new[] { ("fp32", Fp32File), ("int8", Int8File) })
            {
                metrics[variant] = EvaluateFile(manifest with { ModelFile = file, ModelSha256 = ModelManifest.FileSha256(Path.Combine(outputDirectory, file)) }, outputDirectory, dev);
                log($"{variant}: {metrics[variant]}");
            }
        }
        var shipped = metrics.Count == 2 && metrics["fp32"].BinaryAccuracy - metrics["int8"].BinaryAccuracy > AllowedInt8Loss
            ? Fp32File
            : Int8File;
        (manifest with
        {
            ModelFile = shipped,
            ModelSha256 = ModelManifest.FileSha256(Path.Combine(outputDirectory, shipped)),
            Metrics = metrics.Count > 0 ? metrics : null,
        }).Write(outputDirectory);
        return new TrainingSummary(outputDirectory, reviews.Count, skipped, clock.Elapsed, decoder, metrics, shipped);
    }

    private static List<LabeledReview> Load(string path, int max)
    {
        var reviews = ReviewDataFile.Open(path).Read();
        return max > 0 ? [.. reviews.Take(max)] : [.. reviews];
    }

    private static string? TryNormalize(TextNormalizer normalizer, string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : normalizer.Normalize(text);
        }
        catch (ArgumentException)
        {
            return null;
        }
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

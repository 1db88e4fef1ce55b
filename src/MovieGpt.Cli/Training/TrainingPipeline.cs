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

        (CharCnnNetwork Network, CharSequenceEncoder Encoder)? cnn = null;
        if (options.CharCnnShare > 0)
        {
            cnn = new CharCnnTrainer(options).Train(texts, reviews, progress);
        }
        CharGruNetwork? gru = null;
        if (options.CharGruShare > 0)
        {
            gru = new CharGruTrainer(options).Train(cnn?.Encoder ?? throw new ArgumentException("--char-gru needs the character CNN (--char-cnn > 0)."), texts, reviews, progress);
        }
        log($"all members trained at {clock.Elapsed.TotalSeconds:F0} s");

        List<LabeledReview>? dev = devPath is null ? null : [.. Load(devPath, 0).Where(r => !string.IsNullOrWhiteSpace(r.Text))];
        var decoder = dev is { Count: > 0 } && dev[0].Rating is not null
            ? TuneOnDev(members, options.Featurizers, cnn, gru, dev, normalizer)
            : RatingMetrics.FromPriors([.. reviews.Select(FeatureCorpus.TrainingRating)]);
        log($"decoder class weights: [{string.Join(", ", decoder.ClassWeights)}]");

        Directory.CreateDirectory(outputDirectory);
        OnnxModelWriter.Write(members, cnn, Path.Combine(outputDirectory, Fp32File), int8: false, gru);
        OnnxModelWriter.Write(members, cnn, Path.Combine(outputDirectory, Int8File), int8: true, gru);

        var manifest = new ModelManifest
        {
            Name = "moviegpt-ko-sentiment",
            ModelFile = Int8File,
            Featurizers = options.Featurizers,
            CharCnn = cnn?.Encoder.Settings,
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
                metrics[variant] = EvaluateFile(manifest with { ModelFile = file }, outputDirectory, dev);
                log($"{variant}: {metrics[variant]}");
            }
        }
        var shipped = metrics.Count == 2 && metrics["fp32"].BinaryAccuracy - metrics["int8"].BinaryAccuracy > AllowedInt8Loss
            ? Fp32File
            : Int8File;
        (manifest with { ModelFile = shipped, Metrics = metrics.Count > 0 ? metrics : null }).Write(outputDirectory);
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

    /// <summary>
    /// Chooses the decoder on the ensemble's rating distribution over dev, computed in C# (no export needed):
    /// the bag members' mean, mixed with the character CNN by its share. Each member's own figures are logged,
    /// so a run shows what every member brings.
    /// </summary>
    private RatingDecoder TuneOnDev(
        List<EmbeddingBagNetwork> members, IReadOnlyList<FeaturizerSettings> featurizers,
        (CharCnnNetwork Network, CharSequenceEncoder Encoder)? cnn, CharGruNetwork? gru, List<LabeledReview> dev, TextNormalizer normalizer)
    {
        var hashing = featurizers.Select(f => new HashingFeaturizer(f)).ToArray();
        var alone = new float[members.Count + (cnn is null ? 0 : 1) + (gru is null ? 0 : 1)][][];
        for (var m = 0; m < alone.Length; m++)
        {
            alone[m] = new float[dev.Count][];
        }
        Parallel.For(0, dev.Count, () => (Bags: members.Select(m => m.CreateWorkspace()).ToArray(), Cnn: cnn?.Network.CreateWorkspace(1024), Gru: gru?.CreateWorkspace(1024)), (i, _, workspaces) =>
        {
            var text = normalizer.Normalize(dev[i].Text);
            for (var k = 0; k < members.Count; k++)
            {
                var ids = hashing[k].Featurize(text);
                members[k].Forward(ids, FeaturizerSettings.RowWeight(ids.Length), workspaces.Bags[k]);
                alone[k][i] = [.. workspaces.Bags[k].Probabilities];
            }
            if (cnn is { } c && workspaces.Cnn is { } w)
            {
                c.Network.Forward(c.Encoder.Encode(text), w);
                alone[members.Count][i] = [.. w.Probabilities];
                if (gru is not null && workspaces.Gru is { } g)
                {
                    gru.Forward(c.Encoder.Encode(text), g);
                    alone[members.Count + 1][i] = [.. g.Probabilities];
                }
            }
            return workspaces;
        }, _ => { });

        int[] ratings = [.. dev.Select(r => r.Rating!.Value)];
        for (var m = 0; m < alone.Length; m++)
        {
            var name = m < members.Count ? $"bag member {m + 1}" : m == members.Count ? "character CNN" : "character GRU";
            log($"{name} alone on dev: {RatingMetrics.Compute(alone[m], ratings, RatingMetrics.TuneDecoder(alone[m], ratings))}");
        }
        var cnnShare = (float)(cnn?.Encoder.Settings.Share ?? 0);
        var gruShare = gru is null ? 0f : (float)(cnn?.Encoder.Settings.GruShare ?? 0);
        var probabilities = new float[dev.Count][];
        for (var i = 0; i < dev.Count; i++)
        {
            var mix = new float[EmbeddingBagNetwork.Classes];
            for (var k = 0; k < members.Count; k++)
            {
                AddShare(mix, alone[k][i], (1 - cnnShare - gruShare) / members.Count);
            }
            if (cnn is not null)
            {
                AddShare(mix, alone[members.Count][i], cnnShare);
            }
            if (gru is not null)
            {
                AddShare(mix, alone[members.Count + 1][i], gruShare);
            }
            probabilities[i] = mix;
        }
        var decoder = RatingMetrics.TuneDecoder(probabilities, ratings);
        log($"ensemble on dev (C#): {RatingMetrics.Compute(probabilities, ratings, decoder)}");
        if (Environment.GetEnvironmentVariable("MOVIEGPT_SHARE_GRID") is not null && alone.Length == members.Count + 2)
        {
            foreach (var cs in new[] { 0.1f, 0.2f, 0.3f, 0.4f })
            {
                foreach (var gs in new[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f })
                {
                    if (cs + gs >= 0.9f) continue;
                    var mixed = new float[dev.Count][];
                    for (var i = 0; i < dev.Count; i++)
                    {
                        var mix = new float[EmbeddingBagNetwork.Classes];
                        AddShare(mix, alone[0][i], 1 - cs - gs);
                        AddShare(mix, alone[1][i], cs);
                        AddShare(mix, alone[2][i], gs);
                        mixed[i] = mix;
                    }
                    log($"grid cnn {cs} gru {gs}: {RatingMetrics.Compute(mixed, ratings, RatingMetrics.TuneDecoder(mixed, ratings))}");
                }
            }
        }
        return decoder;
    }

    private static void AddShare(float[] mix, float[] probabilities, float share)
    {
        for (var c = 0; c < mix.Length; c++)
        {
            mix[c] += share * probabilities[c];
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

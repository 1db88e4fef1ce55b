using MovieGpt.Cli.Training;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Onnx;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Tests.Training;

/// <summary>One training run on the committed 2,000-review sample, shared by the tests that read its model folder.</summary>
public sealed class TrainedSampleModel : IDisposable
{
    public static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "data", "dev-sample-2000.tsv");

    public TrainedSampleModel()
    {
        Summary = new TrainingPipeline(TrainingPipelineTests.SmallEnsemble(), _ => { }).Run(Sample, Sample, Folder, progress: null);
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("moviegpt-train-").FullName;

    internal TrainingSummary Summary { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>Train → export → load → predict, end to end, on the committed 2,000-review sample.</summary>
public sealed class TrainingPipelineTests(TrainedSampleModel trained) : IClassFixture<TrainedSampleModel>
{
    private readonly string _output = trained.Folder;

    internal static TrainingOptions SmallEnsemble() => new()
    {
        // One MLP member and one linear member, so both graph shapes are exported and loaded, and both
        // character members (CNN and GRU), whose shares are then chosen on the dev file.
        Featurizers =
        [
            new FeaturizerSettings { Buckets = 1 << 14 },
            new FeaturizerSettings { Buckets = 1 << 14, CharNgramMax = 3, HashSeed = 7 },
        ],
        Dims = [16, 10],
        Hiddens = [32, 0],
        EmbeddingRates = [2f, 64f],
        Epochs = 4,
        CharCnnShare = 0.1,
        CharCnnEpochs = 2,
        CharGruShare = 0.2,
        CharGruEpochs = 2,
        CharGruBigrams = 512,
    };

    [Fact]
    public void TrainingWritesAModelFolderThatTheEngineLoads()
    {
        var summary = trained.Summary;

        Assert.Equal(2_000, summary.Examples);
        Assert.True(File.Exists(Path.Combine(_output, TrainingPipeline.Int8File)));
        Assert.True(File.Exists(Path.Combine(_output, TrainingPipeline.Fp32File)));
        var manifest = ModelManifest.Read(_output);
        Assert.Equal(2, manifest.Featurizers.Count);
        Assert.True(manifest.CharCnn is { HasCnn: true, GruShare: > 0 }, "the manifest names both character members");
        Assert.Equal(summary.ShippedVariant, manifest.ModelFile);
        Assert.Equal(64, manifest.Training!.DataSha256.Length);
        Assert.Equal(ModelManifest.FileSha256(Path.Combine(_output, manifest.ModelFile)), manifest.ModelSha256);

        using var analyzer = SentimentModelLoader.Load(new SentimentOptions { ModelPath = _output });
        var result = analyzer.Analyze("정말 재미있는 영화");
        Assert.Contains(result.Label, SentimentLabels.All);
        Assert.InRange(result.Rating, 1, 10);
    }

    [Fact]
    public void TheTrainedModelLearnsItsTrainingSampleAndInt8KeepsFp32Accuracy()
    {
        var summary = trained.Summary;

        // Memorizing 2,000 reviews is easy; a broken gradient, export or decoder would not get there.
        var fp32 = summary.Metrics["fp32"];
        var int8 = summary.Metrics["int8"];
        Assert.True(fp32.BinaryAccuracy > 0.85, $"fp32 binary accuracy on its own training data: {fp32.BinaryAccuracy:P1}");
        Assert.True(Math.Abs(fp32.BinaryAccuracy - int8.BinaryAccuracy) < 0.02, $"fp32 {fp32.BinaryAccuracy:P1} vs int8 {int8.BinaryAccuracy:P1}");
        Assert.True(int8.FileBytes < fp32.FileBytes / 2);
    }

    [Fact]
    public void AMissingDataFileIsAClearError()
    {
        var pipeline = new TrainingPipeline(SmallEnsemble(), _ => { });
        var missing = Path.Combine(Path.GetTempPath(), $"nope-{Guid.NewGuid():N}.tsv");
        var error = Assert.Throws<FileNotFoundException>(() => pipeline.Run(missing, null, Path.Combine(Path.GetTempPath(), "unused"), null));
        Assert.Contains(Path.GetFileName(missing), error.Message);
    }
}

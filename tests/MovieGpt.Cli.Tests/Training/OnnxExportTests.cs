using MovieGpt.Cli.Training;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Onnx;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Tests.Training;

/// <summary>The exported graph must compute what the trainer computed, or dev figures would describe another model.</summary>
public sealed class OnnxExportTests : IDisposable
{
    // Different lengths in one batch: padding, window masks and the GRU's lengths must not change any answer.
    private static readonly string[] Texts = ["재미", "정말 재미있는 영화", "최악 최악 정말 최악의 영화였다 ㅋㅋ", "영화"];
    private static readonly FeaturizerSettings Featurizer = new() { Buckets = 4096, TailCharacters = 6, UnspacedNgramMax = 4 };

    private readonly string _folder = Directory.CreateTempSubdirectory("moviegpt-export-").FullName;
    private readonly TextNormalizer _normalizer = new(10_000);
    private readonly EmbeddingBagNetwork _bag = new(Featurizer.Buckets, dim: 8, hidden: 16, seed: 3);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheExportedEnsembleAnswersWhatTheNetworksComputeInCSharp(bool int8)
    {
        var encoder = Encoder(cnnShare: 0.4, gruShare: 0);
        var cnn = new CharCnnNetwork(encoder.TableRows, dim: 6, channels: 5, encoder.Settings.Widths, seed: 4);
        Randomize(cnn.FilterBias, 1);
        using var analyzer = ExportAndLoad(new CharacterMembers(encoder, cnn, null), int8);

        var batch = analyzer.AnalyzeBatch(Texts);
        for (var i = 0; i < Texts.Length; i++)
        {
            var text = _normalizer.Normalize(Texts[i]);
            var cnnWork = cnn.CreateWorkspace(256);
            cnn.Forward(encoder.Encode(text), cnnWork);
            var mix = Mix(Bag(text), 0.6, cnnWork.Probabilities, 0.4);

            var tolerance = int8 ? 0.02 : 1e-4;
            AssertAnswers(mix, batch[i], tolerance);
            Assert.Equal(analyzer.Analyze(Texts[i]).Probabilities.Positive, batch[i].Probabilities.Positive, 4);
        }
    }

    [Theory]
    [InlineData(true, false, 0)]
    [InlineData(false, false, 0)]
    [InlineData(false, true, 97)]
    public void TheExportedGruMemberAnswersWhatTheCSharpGruComputes(bool withCnn, bool meanPooling, int bigrams)
    {
        var cnnShare = withCnn ? 0.2 : 0;
        var encoder = Encoder(cnnShare, gruShare: 0.5);
        var cnn = new CharCnnNetwork(encoder.TableRows, dim: 6, channels: 5, encoder.Settings.Widths, seed: 4, hidden: 7);
        var gru = new CharGruNetwork(encoder.TableRows, dim: 5, hidden: 6, seed: 5, meanPooling, bigrams);
        Randomize(gru.Bias, 2);
        using var analyzer = ExportAndLoad(new CharacterMembers(encoder, withCnn ? cnn : null, gru), int8: false);

        var batch = analyzer.AnalyzeBatch(Texts);
        for (var i = 0; i < Texts.Length; i++)
        {
            var text = _normalizer.Normalize(Texts[i]);
            var cnnWork = cnn.CreateWorkspace(256);
            cnn.Forward(encoder.Encode(text), cnnWork);
            var gruWork = gru.CreateWorkspace(256);
            gru.Forward(encoder.Encode(text), gruWork);
            var mix = Mix(Mix(Bag(text), 0.5 - cnnShare, cnnWork.Probabilities, cnnShare), 1, gruWork.Probabilities, 0.5);

            AssertAnswers(mix, batch[i], 1e-4);
        }
    }

    private static CharSequenceEncoder Encoder(double cnnShare, double gruShare) =>
        new(new CharCnnSettings { Vocabulary = [.. "재미있는영화최악정말 ".Select(c => (int)c)], Share = cnnShare, GruShare = gruShare });

    private ISentimentAnalyzer ExportAndLoad(CharacterMembers characters, bool int8)
    {
        OnnxModelWriter.Write([_bag], characters, Path.Combine(_folder, "model.onnx"), int8);
        new ModelManifest
        {
            Name = "export-test",
            ModelFile = "model.onnx",
            Featurizers = [Featurizer],
            CharCnn = characters.Settings,
            Decoder = RatingDecoder.Identity,
        }.Write(_folder);
        return SentimentModelLoader.Load(new SentimentOptions { ModelPath = _folder });
    }

    private float[] Bag(string normalized)
    {
        var ids = new HashingFeaturizer(Featurizer).Featurize(normalized);
        var work = _bag.CreateWorkspace();
        _bag.Forward(ids, FeaturizerSettings.RowWeight(ids.Length), work);
        return work.Probabilities;
    }

    private static float[] Mix(float[] a, double shareA, float[] b, double shareB) =>
        [.. a.Zip(b, (x, y) => (float)(shareA * x + shareB * y))];

    private static void AssertAnswers(float[] ratingDistribution, SentimentResult answer, double tolerance)
    {
        Assert.Equal(ratingDistribution[..4].Sum(), answer.Probabilities.Negative, tolerance);
        Assert.Equal(ratingDistribution[4..8].Sum(), answer.Probabilities.Neutral, tolerance);
        Assert.Equal(ratingDistribution[8..].Sum(), answer.Probabilities.Positive, tolerance);
    }

    private static void Randomize(float[][] arrays, int seed)
    {
        var random = new Random(seed);
        foreach (var array in arrays)
        {
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = random.NextSingle() - 0.5f;
            }
        }
    }
}

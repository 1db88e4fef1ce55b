using MovieGpt.Cli.Training;
using MovieGpt.Sentiment;
using MovieGpt.Sentiment.Onnx;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Tests.Training;

/// <summary>The exported graph must compute what the trainer computed, or dev figures would describe another model.</summary>
public sealed class OnnxExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("moviegpt-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheExportedEnsembleAnswersWhatTheNetworksComputeInCSharp(bool int8)
    {
        var featurizer = new FeaturizerSettings { Buckets = 4096, TailCharacters = 6, UnspacedNgramMax = 4 };
        var bag = new EmbeddingBagNetwork(featurizer.Buckets, dim: 8, hidden: 16, seed: 3);
        var cnnSettings = new CharCnnSettings { Vocabulary = [.. "재미있는영화최악정말 ".Select(c => (int)c)], Share = 0.4 };
        var encoder = new CharSequenceEncoder(cnnSettings);
        var cnn = new CharCnnNetwork(encoder.TableRows, dim: 6, channels: 5, cnnSettings.Widths, seed: 4);
        Randomize(cnn.FilterBias, 1);
        var path = Path.Combine(_folder, "model.onnx");
        OnnxModelWriter.Write([bag], new CharacterMembers(encoder, cnn, null), path, int8);
        new ModelManifest
        {
            Name = "export-test",
            ModelFile = "model.onnx",
            Featurizers = [featurizer],
            CharCnn = cnnSettings,
            Decoder = RatingDecoder.Identity,
        }.Write(_folder);

        using var analyzer = SentimentModelLoader.Load(new SentimentOptions { ModelPath = _folder });
        // Different lengths in one batch: padding and window masks must not change any answer.
        string[] texts = ["재미", "정말 재미있는 영화", "최악 최악 정말 최악의 영화였다 ㅋㅋ", "영화"];
        var batch = analyzer.AnalyzeBatch(texts);
        var normalizer = new TextNormalizer(10_000);
        var hashing = new HashingFeaturizer(featurizer);
        for (var i = 0; i < texts.Length; i++)
        {
            var text = normalizer.Normalize(texts[i]);
            var ids = hashing.Featurize(text);
            var bagWork = bag.CreateWorkspace();
            bag.Forward(ids, FeaturizerSettings.RowWeight(ids.Length), bagWork);
            var cnnWork = cnn.CreateWorkspace(256);
            cnn.Forward(encoder.Encode(text), cnnWork);
            var mix = bagWork.Probabilities.Zip(cnnWork.Probabilities, (b, c) => 0.6 * b + 0.4 * c).ToArray();

            var tolerance = int8 ? 0.02 : 1e-4;
            Assert.Equal(mix[..4].Sum(), batch[i].Probabilities.Negative, tolerance);
            Assert.Equal(mix[4..8].Sum(), batch[i].Probabilities.Neutral, tolerance);
            Assert.Equal(mix[8..].Sum(), batch[i].Probabilities.Positive, tolerance);
            Assert.Equal(analyzer.Analyze(texts[i]).Probabilities.Positive, batch[i].Probabilities.Positive, 4);
        }
    }

    [Theory]
    [InlineData(true, false, 0)]
    [InlineData(false, false, 0)]
    [InlineData(false, true, 97)]
    public void TheExportedGruMemberAnswersWhatTheCSharpGruComputes(bool withCnn, bool meanPooling, int bigrams)
    {
        var featurizer = new FeaturizerSettings { Buckets = 1024 };
        var bag = new EmbeddingBagNetwork(featurizer.Buckets, dim: 8, hidden: 16, seed: 3);
        var cnnShare = withCnn ? 0.2 : 0;
        var cnnSettings = new CharCnnSettings { Vocabulary = [.. "재미있는영화최악정말 ".Select(c => (int)c)], Share = cnnShare, GruShare = 0.5 };
        var encoder = new CharSequenceEncoder(cnnSettings);
        var cnn = new CharCnnNetwork(encoder.TableRows, dim: 6, channels: 5, cnnSettings.Widths, seed: 4, hidden: 7);
        var gru = new CharGruNetwork(encoder.TableRows, dim: 5, hidden: 6, seed: 5, meanPooling, bigrams);
        Randomize(gru.Bias, 2);
        var path = Path.Combine(_folder, "model.onnx");
        OnnxModelWriter.Write([bag], new CharacterMembers(encoder, withCnn ? cnn : null, gru), path, int8: false);
        new ModelManifest
        {
            Name = "export-test",
            ModelFile = "model.onnx",
            Featurizers = [featurizer],
            CharCnn = cnnSettings,
            Decoder = RatingDecoder.Identity,
        }.Write(_folder);

        using var analyzer = SentimentModelLoader.Load(new SentimentOptions { ModelPath = _folder });
        // Lengths differ within the batch: the backward direction must start at each review's own end.
        string[] texts = ["재미", "정말 재미있는 영화", "최악 최악 정말 최악의 영화였다 ㅋㅋ", "영화"];
        var batch = analyzer.AnalyzeBatch(texts);
        var normalizer = new TextNormalizer(10_000);
        var hashing = new HashingFeaturizer(featurizer);
        for (var i = 0; i < texts.Length; i++)
        {
            var text = normalizer.Normalize(texts[i]);
            var ids = hashing.Featurize(text);
            var bagWork = bag.CreateWorkspace();
            bag.Forward(ids, FeaturizerSettings.RowWeight(ids.Length), bagWork);
            var cnnWork = cnn.CreateWorkspace(256);
            cnn.Forward(encoder.Encode(text), cnnWork);
            var gruWork = gru.CreateWorkspace(256);
            gru.Forward(encoder.Encode(text), gruWork);
            var mix = Enumerable.Range(0, 10).Select(k => (0.5 - cnnShare) * bagWork.Probabilities[k] + cnnShare * cnnWork.Probabilities[k] + 0.5 * gruWork.Probabilities[k]).ToArray();

            Assert.Equal(mix[..4].Sum(), batch[i].Probabilities.Negative, 1e-4);
            Assert.Equal(mix[8..].Sum(), batch[i].Probabilities.Positive, 1e-4);
        }
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

using MovieGpt.Sentiment.Transformers;

namespace MovieGpt.Sentiment.Tests.Transformers;

/// <summary>A broken export folder stops loading with a message naming the file and what is wrong.</summary>
public sealed class TransformerModelFolderErrorTests : IDisposable
{
    private static readonly TinyClassifierGraph Graph = new() { TokenScores = { [SharedTokenizer.Id("최고")] = [0f, 3f] } };

    private readonly ExportFolder _folder = ExportFolder.WithRealTokenizer(Graph);

    public void Dispose() => _folder.Dispose();

    private SentimentModelException LoadFails() =>
        Assert.Throws<SentimentModelException>(() => _folder.Load().Dispose());

    [Fact]
    public void AFolderWithoutConfigJsonIsNotTakenForAnExport()
    {
        _folder.Delete("config.json");
        var error = LoadFails();
        Assert.Contains("config.json", error.Message);
        Assert.Contains("manifest.json", error.Message);
    }

    [Fact]
    public void TheTransformerLoaderItselfNamesAMissingConfigJson()
    {
        _folder.Delete("config.json");
        var error = Assert.Throws<SentimentModelException>(() => TransformerSentimentAnalyzer.Load(_folder.Path, new SentimentOptions()));
        Assert.Contains(_folder.File("config.json"), error.Message);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void AMissingModelFileNamesBothExpectedNamesAndWhatIsThere()
    {
        _folder.Delete("model_quantized.onnx");
        _folder.Write("model_fp16.onnx", Graph.ToBytes());
        var error = LoadFails();
        Assert.Contains("model.onnx is missing", error.Message);
        Assert.Contains("model_quantized.onnx", error.Message);
        Assert.Contains("only model_fp16.onnx", error.Message);
    }

    [Fact]
    public void AMissingVocabularyIsNamed()
    {
        _folder.Delete("vocab.txt");
        var error = LoadFails();
        Assert.Contains(_folder.File("vocab.txt"), error.Message);
        Assert.Contains("tokenizer.json", error.Message);
        Assert.Contains("no WordPiece vocabulary", error.Message);
    }

    [Fact]
    public void ATokenizerJsonAloneIsEnough()
    {
        _folder.Delete("vocab.txt");
        _folder.Copy("tokenizer.json");
        using var analyzer = _folder.Load();
        Assert.Equal(SentimentLabels.Positive, analyzer.Analyze("최고").Label);
    }

    [Fact]
    public void ATokenizerJsonThatIsNotWordPieceIsRefused()
    {
        _folder.Delete("vocab.txt");
        _folder.Write("tokenizer.json", """{ "model": { "type": "BPE", "vocab": { "a": 0 } } }""");
        var error = LoadFails();
        Assert.Contains(_folder.File("tokenizer.json"), error.Message);
        Assert.Contains("BPE", error.Message);
    }

    [Fact]
    public void CorruptOnnxBytesAreNamed()
    {
        _folder.Write("model_quantized.onnx", [.. Graph.ToBytes().Take(500).Reverse()]);
        var error = LoadFails();
        Assert.Contains(_folder.File("model_quantized.onnx"), error.Message);
        Assert.Contains("not a loadable ONNX model", error.Message);
    }

    [Fact]
    public void WrongInputNamesAreNamedWithWhatTheGraphHas()
    {
        _folder.Write("model_quantized.onnx", new TinyClassifierGraph { InputNames = ["ids", "mask", "types"] }.ToBytes());
        var error = LoadFails();
        Assert.Contains("model_quantized.onnx has no input 'input_ids'", error.Message);
        Assert.Contains("inputs: ids, mask, types", error.Message);
    }

    [Fact]
    public void AnExtraInputTheLoaderCannotFeedIsNamed()
    {
        _folder.Write("model_quantized.onnx",
            new TinyClassifierGraph { InputNames = ["input_ids", "attention_mask", "position_ids"] }.ToBytes());
        var error = LoadFails();
        Assert.Contains("input 'position_ids'", error.Message);
    }

    [Fact]
    public void AGraphWithoutLogitsIsNamed()
    {
        _folder.Write("model_quantized.onnx", new TinyClassifierGraph { OutputName = "probabilities" }.ToBytes());
        var error = LoadFails();
        Assert.Contains("no output 'logits'", error.Message);
        Assert.Contains("probabilities", error.Message);
    }

    [Fact]
    public void LogitsOfAnotherWidthThanId2LabelAreRefused()
    {
        _folder.Write("model_quantized.onnx", new TinyClassifierGraph { Labels = 3 }.ToBytes());
        var error = LoadFails();
        Assert.Contains("output 'logits' is Float [batch, 3], expected float [batch, 2]", error.Message);
    }

    [Fact]
    public void AnUnusableId2LabelNamesConfigJson()
    {
        _folder.SetId2Label("happy", "sad");
        var error = LoadFails();
        Assert.Contains(_folder.File("config.json"), error.Message);
        Assert.Contains("id2label is unusable", error.Message);
    }

    [Fact]
    public void AConfigJsonThatIsNotJsonIsNamed()
    {
        _folder.Write("config.json", "{ \"model_type\": ");
        var error = LoadFails();
        Assert.Contains(_folder.File("config.json"), error.Message);
        Assert.Contains("is not valid JSON", error.Message);
    }

    [Fact]
    public void ABrokenTokenizerConfigIsNamed()
    {
        _folder.Write("tokenizer_config.json", "not json");
        var error = LoadFails();
        Assert.Contains(_folder.File("tokenizer_config.json"), error.Message);
    }

    [Fact]
    public void AVocabularyLargerThanTheModelsIsRefused()
    {
        _folder.Write("config.json", File.ReadAllText(_folder.File("config.json")).Replace("\"vocab_size\": 50135", "\"vocab_size\": 32000"));
        var error = LoadFails();
        Assert.Contains($"{_folder.File("vocab.txt")} has {SharedTokenizer.Vocabulary.Count} pieces", error.Message);
        Assert.Contains("vocab_size 32000", error.Message);
    }
}

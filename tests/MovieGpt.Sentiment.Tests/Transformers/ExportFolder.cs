namespace MovieGpt.Sentiment.Tests.Transformers;

/// <summary>A temporary Optimum-style export folder: the real tokenizer files plus a graph the test builds.</summary>
internal sealed class ExportFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("moviegpt-hf-").FullName;

    public static ExportFolder WithRealTokenizer(TinyClassifierGraph graph, string modelFile = "model_quantized.onnx")
    {
        var folder = new ExportFolder();
        foreach (var name in new[] { "config.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json" })
        {
            folder.Copy(name);
        }
        folder.Write(modelFile, graph.ToBytes());
        return folder;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Copy(string sharedName) =>
        System.IO.File.Copy(System.IO.Path.Combine(SharedTokenizer.Directory, sharedName), File(sharedName), overwrite: true);

    public void Write(string name, byte[] bytes) => System.IO.File.WriteAllBytes(File(name), bytes);

    public void Write(string name, string text) => System.IO.File.WriteAllText(File(name), text);

    public void Delete(string name) => System.IO.File.Delete(File(name));

    /// <summary>config.json with id2label (and num_labels) added; the shared one has none.</summary>
    public void SetId2Label(params string[] labels)
    {
        var entries = string.Join(", ", labels.Select((label, id) => $"\"{id}\": \"{label}\""));
        var config = System.IO.File.ReadAllText(File("config.json")).TrimEnd().TrimEnd('}').TrimEnd();
        Write("config.json", $"{config},\n  \"id2label\": {{ {entries} }},\n  \"num_labels\": {labels.Length}\n}}\n");
    }

    /// <summary>Loads the folder the way the service does, through <see cref="SentimentModelLoader"/>.</summary>
    public ISentimentAnalyzer Load(double neutralThreshold = 0.6) =>
        SentimentModelLoader.Load(new SentimentOptions { ModelPath = Path, NeutralThreshold = neutralThreshold });

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

using MovieGpt.Sentiment.Onnx;

namespace MovieGpt.Sentiment.Tests.Onnx;

/// <summary>A broken model folder stops loading with a message that names the file and the problem.</summary>
public sealed class ModelFolderErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("moviegpt-model-").FullName;
    private readonly string _shipped = SentimentOptions.DefaultModelPath;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SentimentModelException LoadFails() =>
        Assert.Throws<SentimentModelException>(() => SentimentModelLoader.Load(new SentimentOptions { ModelPath = _folder }));

    private void CopyShipped()
    {
        foreach (var file in Directory.GetFiles(_shipped))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    private string ModelFile => Path.Combine(_folder, ModelManifest.Read(_folder).ModelFile);

    [Fact]
    public void MissingFolderIsNamed()
    {
        var error = Assert.Throws<SentimentModelException>(() =>
            SentimentModelLoader.Load(new SentimentOptions { ModelPath = Path.Combine(_folder, "nope") }));
        Assert.Contains("nope", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void EmptyFolderSaysWhichFilesAreExpected()
    {
        var error = LoadFails();
        Assert.Contains("manifest.json", error.Message);
        Assert.Contains("config.json", error.Message);
    }

    [Fact]
    public void MissingOnnxFileIsNamed()
    {
        CopyShipped();
        var file = ModelFile;
        File.Delete(file);
        var error = LoadFails();
        Assert.Contains(Path.GetFileName(file), error.Message);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void CorruptOnnxFileIsNamed()
    {
        CopyShipped();
        var file = ModelFile;
        File.WriteAllBytes(file, [.. File.ReadAllBytes(file).Take(1000).Reverse()]);
        // Without the manifest's SHA-256 (as in folders written before it), so the graph itself is parsed.
        var manifest = Path.Combine(_folder, ModelManifest.FileName);
        File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(manifest), "\\s*\"model_sha256\": \"[0-9a-f]+\",", ""));
        var error = LoadFails();
        Assert.Contains(Path.GetFileName(file), error.Message);
        Assert.Contains("not a loadable ONNX model", error.Message);
    }

    [Fact]
    public void AModelFileThatDoesNotMatchTheManifestsSha256IsNamed()
    {
        CopyShipped();
        var file = ModelFile;
        // Zeroed in the middle, as a damaged copy: the graph may still load and answer worse.
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.Position = stream.Length / 2;
            stream.Write(new byte[Math.Min(8 << 20, stream.Length / 4)]);
        }
        var error = LoadFails();
        Assert.Contains(file, error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void WrongManifestVersionIsRejected()
    {
        CopyShipped();
        var path = Path.Combine(_folder, ModelManifest.FileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"format_version\": 1", "\"format_version\": 99"));
        var error = LoadFails();
        Assert.Contains("format_version 99", error.Message);
    }

    [Fact]
    public void ManifestThatIsNotJsonIsRejected()
    {
        CopyShipped();
        File.WriteAllText(Path.Combine(_folder, ModelManifest.FileName), "{ not json");
        var error = LoadFails();
        Assert.Contains("not a valid manifest", error.Message);
    }

    [Fact]
    public void OutOfRangeFeaturizerSettingsAreRejected()
    {
        CopyShipped();
        var path = Path.Combine(_folder, ModelManifest.FileName);
        var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(path), "\"buckets\": \\d+", "\"buckets\": 0");
        File.WriteAllText(path, text);
        var error = LoadFails();
        Assert.Contains("buckets=0", error.Message);
    }
}

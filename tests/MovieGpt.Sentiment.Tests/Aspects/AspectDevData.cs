using System.Reflection;

namespace MovieGpt.Sentiment.Tests.Aspects;

/// <summary>
/// The aspect dev data (761 hand-labelled reviews, Apache-2.0, see data/README.md), committed under
/// tests/MovieGpt.Sentiment.Tests/Aspects/data so the model guard runs without ../shared. Found from the
/// tests/data path baked in at build time.
/// </summary>
internal static class AspectDevData
{
    public static IReadOnlyList<(string Text, IReadOnlyDictionary<string, int> Gold)> Reviews { get; } = Read();

    private static List<(string Text, IReadOnlyDictionary<string, int> Gold)> Read()
    {
        var shared = typeof(AspectDevData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SharedDataDir").Value!;
        var path = Path.GetFullPath(Path.Combine(shared, "..", "MovieGpt.Sentiment.Tests", "Aspects", "data", "aspects-dev.tsv"));
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        return [.. lines.Skip(1).Select(line => line.Split('\t')).Select(f => (
            f[0],
            (IReadOnlyDictionary<string, int>)Enumerable.Range(1, header.Length - 1).ToDictionary(c => header[c], c => int.Parse(f[c]))))];
    }
}

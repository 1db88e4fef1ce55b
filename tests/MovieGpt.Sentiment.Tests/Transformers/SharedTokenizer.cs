using System.Reflection;

namespace MovieGpt.Sentiment.Tests.Transformers;

/// <summary>The real tokenizer files of a Korean ELECTRA export, from tests/data (path baked in at build time).</summary>
internal static class SharedTokenizer
{
    public static string Directory { get; } = Locate();

    public static string VocabFile => Path.Combine(Directory, "vocab.txt");

    /// <summary>vocab.txt: the id of a piece is its zero-based line number.</summary>
    public static IReadOnlyDictionary<string, int> Vocabulary { get; } =
        File.ReadLines(VocabFile).Select((piece, line) => (piece, line)).ToDictionary(p => p.piece, p => p.line);

    public static int Id(string piece) =>
        Vocabulary.TryGetValue(piece, out var id) ? id : throw new InvalidOperationException($"'{piece}' is not in vocab.txt");

    public static int[] Ids(params string[] pieces) => [.. pieces.Select(Id)];

    private static string Locate()
    {
        var shared = typeof(SharedTokenizer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SharedDataDir").Value!;
        var directory = Path.Combine(shared, "korean-sentiment-tokenizer");
        return System.IO.Directory.Exists(directory)
            ? directory
            : throw new DirectoryNotFoundException($"The tokenizer folder {directory} is missing; these tests need it.");
    }
}

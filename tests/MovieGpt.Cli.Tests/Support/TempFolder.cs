using System.IO.Compression;
using System.Text;

namespace MovieGpt.Cli.Tests.Support;

/// <summary>A temporary folder for data files the tests write, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public const string RatingHeader = "review_id\tmovie_id\trating\tdate\tauthor\ttext";
    public const string NsmcHeader = "id\tdocument\tlabel";

    public string Path { get; } = Directory.CreateTempSubdirectory("moviegpt-cli-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>Writes lines as UTF-8, gzip-compressed when the name ends in .gz.</summary>
    public string Write(string name, params string[] lines)
    {
        var file = System.IO.Path.Combine(Path, name);
        using Stream stream = name.EndsWith(".gz", StringComparison.Ordinal)
            ? new GZipStream(File.Create(file), CompressionLevel.Fastest)
            : File.Create(file);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        foreach (var line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
        return file;
    }

    /// <summary>A rating-format file from (rating, text) pairs.</summary>
    public string WriteRatings(string name, params (int Rating, string Text)[] reviews) =>
        Write(name, [RatingHeader, .. reviews.Select((r, i) => $"{i + 1}\t100\t{r.Rating}\t24.11.24\tuser****\t{r.Text}")]);

    /// <summary>An NSMC-format file from (label, text) pairs.</summary>
    public string WriteNsmc(string name, params (int Label, string Text)[] reviews) =>
        Write(name, [NsmcHeader, .. reviews.Select((r, i) => $"{i + 1}\t{r.Text}\t{r.Label}")]);
}

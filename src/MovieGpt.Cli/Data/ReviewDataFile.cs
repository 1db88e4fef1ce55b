using System.IO.Compression;
using System.Text;

namespace MovieGpt.Cli.Data;

/// <summary>The two layouts a data file can have, told apart by the header line.</summary>
internal enum ReviewDataFormat
{
    /// <summary>review_id movie_id rating date author text (the shared Naver rating data).</summary>
    Rating,

    /// <summary>id document label (the NSMC files most Korean NLP code reads).</summary>
    Nsmc,
}

/// <summary>Reads .tsv or .tsv.gz review files in either format.</summary>
internal sealed class ReviewDataFile
{
    private readonly string _path;
    private readonly int _textColumn;
    private readonly int _labelColumn;

    private ReviewDataFile(string path, ReviewDataFormat format, int textColumn, int labelColumn)
    {
        _path = path;
        Format = format;
        _textColumn = textColumn;
        _labelColumn = labelColumn;
    }

    public ReviewDataFormat Format { get; }

    public bool HasRatings => Format == ReviewDataFormat.Rating;

    /// <summary>Opens the file and detects its format; throws <see cref="InvalidDataException"/> with the reason.</summary>
    public static ReviewDataFile Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        }
        using var reader = OpenText(path);
        var header = reader.ReadLine()
            ?? throw new InvalidDataException($"Data file '{path}' is empty: expected a header line.");
        var columns = header.TrimStart('\uFEFF').Split('\t');
        var text = Array.IndexOf(columns, "text");
        var rating = Array.IndexOf(columns, "rating");
        if (text >= 0 && rating >= 0)
        {
            return new ReviewDataFile(path, ReviewDataFormat.Rating, text, rating);
        }
        var document = Array.IndexOf(columns, "document");
        var label = Array.IndexOf(columns, "label");
        if (document >= 0 && label >= 0)
        {
            return new ReviewDataFile(path, ReviewDataFormat.Nsmc, document, label);
        }
        throw new InvalidDataException(
            $"Data file '{path}' has header '{header}': expected the rating format " +
            "(review_id, movie_id, rating, date, author, text) or the NSMC format (id, document, label).");
    }

    /// <summary>Streams the reviews; a malformed line is an error naming its line number, never skipped silently.</summary>
    public IEnumerable<LabeledReview> Read()
    {
        using var reader = OpenText(_path);
        reader.ReadLine();
        var lineNumber = 1;
        var needed = Math.Max(_textColumn, _labelColumn) + 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split('\t');
            // NSMC rows with an empty document have one field fewer only when it is the last column.
            if (fields.Length < needed && !(fields.Length == needed - 1 && _textColumn == needed - 1))
            {
                throw new InvalidDataException($"{_path}:{lineNumber}: expected {needed} tab-separated fields, found {fields.Length}.");
            }
            var text = _textColumn < fields.Length ? fields[_textColumn] : "";
            if (!int.TryParse(fields[_labelColumn], out var value))
            {
                throw new InvalidDataException($"{_path}:{lineNumber}: label '{fields[_labelColumn]}' is not a number.");
            }
            yield return Format == ReviewDataFormat.Rating
                ? value is >= 1 and <= 10
                    ? LabeledReview.FromRating(text, value)
                    : throw new InvalidDataException($"{_path}:{lineNumber}: rating {value} is outside 1–10.")
                : value is 0 or 1
                    ? LabeledReview.FromBinary(text, value)
                    : throw new InvalidDataException($"{_path}:{lineNumber}: NSMC label {value} is not 0 or 1.");
        }
    }

    private static StreamReader OpenText(string path)
    {
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }
        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }
}

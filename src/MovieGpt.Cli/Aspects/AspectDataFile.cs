using MovieGpt.Sentiment.Aspects;

namespace MovieGpt.Cli.Aspects;

/// <summary>A review with its hand labels: per aspect 1 (positive), −1 (negative) or 0 (not talked about).</summary>
internal sealed record AspectLabeledReview(string Text, IReadOnlyDictionary<string, int> Gold);

/// <summary>
/// Reads aspect-labelled reviews: UTF-8 TSV with the header <c>text&lt;TAB&gt;연기&lt;TAB&gt;스토리&lt;TAB&gt;연출&lt;TAB&gt;액션&lt;TAB&gt;음악</c>
/// (aspect columns found by name, so their order may differ), values 1/−1/0.
/// </summary>
internal static class AspectDataFile
{
    public const string TuningHalf = "tuning";
    public const string CheckHalf = "check";

    /// <summary>
    /// The reviews of one half of a file, split by the parity of the 32-bit FNV-1a hash of the text's UTF-16 code units:
    /// even is the half rules are tuned on, odd the half kept for checking that they carry over.
    /// </summary>
    public static List<AspectLabeledReview> Half(IEnumerable<AspectLabeledReview> reviews, string half)
    {
        var even = half switch
        {
            TuningHalf => true,
            CheckHalf => false,
            _ => throw new ArgumentException($"No half '{half}': use {TuningHalf} or {CheckHalf}.", nameof(half)),
        };
        return [.. reviews.Where(r => (Fnv1a(r.Text) % 2 == 0) == even)];
    }

    internal static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }

    public static List<AspectLabeledReview> Read(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine()?.Split('\t')
            ?? throw new InvalidDataException($"Aspect data file '{path}' is empty.");
        var columns = AspectNames.All.ToDictionary(a => a, a => Array.IndexOf(header, a));
        if (header[0] != "text" || columns.Values.Any(c => c < 0))
        {
            throw new InvalidDataException(
                $"Aspect data file '{path}' needs the header text<TAB>{string.Join("<TAB>", AspectNames.All)}, not '{string.Join("<TAB>", header)}'.");
        }
        var reviews = new List<AspectLabeledReview>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {fields.Length} fields, the header has {header.Length}.");
            }
            var gold = new Dictionary<string, int>();
            foreach (var (aspect, column) in columns)
            {
                gold[aspect] = fields[column] switch
                {
                    "1" => 1,
                    "-1" => -1,
                    "0" => 0,
                    var other => throw new InvalidDataException($"{path}:{lineNumber}: {aspect} is '{other}', not 1, -1 or 0."),
                };
            }
            reviews.Add(new AspectLabeledReview(fields[0], gold));
        }
        return reviews;
    }
}

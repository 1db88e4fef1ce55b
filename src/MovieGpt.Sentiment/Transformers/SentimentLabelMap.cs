using System.Text.Json;
using System.Text.RegularExpressions;

namespace MovieGpt.Sentiment.Transformers;

/// <summary>
/// Which logit is which sentiment, from config.json <c>id2label</c>, and how logits become a
/// <see cref="SentimentResult"/>.
/// <para>Labels: names are matched case-insensitively (negative/neg/부정, neutral/neu/중립,
/// positive/pos/긍정). Generic names LABEL_0…LABEL_n mean negative, positive for two classes and
/// negative, neutral, positive for three; so does a config without id2label (two classes unless
/// num_labels says otherwise). Anything else (other counts, unknown or repeated names) is refused.</para>
/// <para>Binary models have no neutral class. With c = max(P(negative), P(positive)) after softmax and
/// t = <see cref="SentimentOptions.NeutralThreshold"/>: when c ≥ t the answer is the model's own
/// (P(neutral) = 0); when c &lt; t the answer is neutral, and the probabilities are the model's two plus
/// a neutral weight t, renormalized: negative = P(neg)/(1+t), neutral = t/(1+t), positive = P(pos)/(1+t).
/// They sum to 1, keep the model's negative:positive ratio, and neutral is the largest exactly when c &lt; t
/// (its score is t/(1+t), 0.375 at the default 0.6).</para>
/// <para>Rating (these models have no rating head): 1 + 9 × positivity, where positivity is the model's
/// P(positive) for a binary model and P(positive) + P(neutral)/2 for a three-class one.</para>
/// </summary>
public sealed partial class SentimentLabelMap
{
    private enum Sentiment { Negative, Neutral, Positive }

    private readonly Sentiment[] _classes;

    private SentimentLabelMap(Sentiment[] classes) => _classes = classes;

    /// <summary>How many logits the model answers per review.</summary>
    public int Count => _classes.Length;

    public IReadOnlyList<string> Labels => [.. _classes.Select(Name)];

    public static SentimentLabelMap FromConfig(JsonElement config, string configFile)
    {
        JsonElement? root = config;
        if (root.Property("id2label") is not { } id2label)
        {
            var count = root.PositiveInt("num_labels") ?? 2;
            return count == 2
                ? new SentimentLabelMap([Sentiment.Negative, Sentiment.Positive])
                : throw Unusable(configFile, $"there is no id2label and num_labels is {count}: which output is which sentiment is unknown");
        }
        if (id2label.ValueKind != JsonValueKind.Object)
        {
            throw Unusable(configFile, "id2label is not an object");
        }
        var names = ReadNames(id2label, configFile);
        var classes = Enumerable.Range(0, names.Count).All(i => IsGeneric(names[i], i))
            ? GenericClasses(names.Count, configFile)
            : [.. names.Select(n => Semantic(n) ?? throw Unusable(configFile, $"the label '{n}' is not negative, neutral or positive"))];
        if (classes.Distinct().Count() != classes.Length
            || !classes.Contains(Sentiment.Negative) || !classes.Contains(Sentiment.Positive))
        {
            throw Unusable(configFile, $"the labels [{string.Join(", ", names)}] must name negative and positive (and maybe neutral) once each");
        }
        return new SentimentLabelMap(classes);
    }

    /// <summary>One review's logits → label, probabilities and rating (see the class remarks).</summary>
    public SentimentResult Decode(ReadOnlySpan<float> logits, double neutralThreshold)
    {
        var p = Softmax(logits);
        double negative = 0, neutral = 0, positive = 0;
        for (var i = 0; i < p.Length; i++)
        {
            switch (_classes[i])
            {
                case Sentiment.Negative: negative = p[i]; break;
                case Sentiment.Neutral: neutral = p[i]; break;
                default: positive = p[i]; break;
            }
        }
        if (_classes.Length == 3)
        {
            return SentimentResult.FromProbabilities(negative, neutral, positive, 1 + 9 * (positive + neutral / 2));
        }
        var rating = 1 + 9 * positive;
        return Math.Max(negative, positive) < neutralThreshold
            ? SentimentResult.FromProbabilities(negative, neutralThreshold, positive, rating)
            : SentimentResult.FromProbabilities(negative, 0, positive, rating);
    }

    private static double[] Softmax(ReadOnlySpan<float> logits)
    {
        var max = double.NegativeInfinity;
        foreach (var v in logits)
        {
            max = Math.Max(max, v);
        }
        if (!double.IsFinite(max))
        {
            throw new SentimentModelException("The model answered logits that are not finite numbers.");
        }
        var p = new double[logits.Length];
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = Math.Exp(logits[i] - max);
            sum += p[i];
        }
        for (var i = 0; i < p.Length; i++)
        {
            p[i] /= sum;
        }
        return p;
    }

    private static List<string> ReadNames(JsonElement id2label, string configFile)
    {
        var entries = id2label.EnumerateObject().ToList();
        var names = new string?[entries.Count];
        foreach (var entry in entries)
        {
            if (!int.TryParse(entry.Name, out var id) || id < 0 || id >= names.Length || names[id] is not null
                || entry.Value.ValueKind != JsonValueKind.String)
            {
                throw Unusable(configFile, $"the entry \"{entry.Name}\": {entry.Value} does not fit ids 0…{names.Length - 1} with label names");
            }
            names[id] = entry.Value.GetString()!.Trim();
        }
        if (names.Length is not (2 or 3))
        {
            throw Unusable(configFile, $"it has {names.Length} labels; only 2 (negative, positive) or 3 (with neutral) are understood");
        }
        return [.. names.Select(n => n!)];
    }

    private static bool IsGeneric(string name, int id) =>
        GenericLabel().Match(name) is { Success: true } match && int.Parse(match.Groups[1].Value) == id;

    private static Sentiment[] GenericClasses(int count, string configFile) => count switch
    {
        2 => [Sentiment.Negative, Sentiment.Positive],
        3 => [Sentiment.Negative, Sentiment.Neutral, Sentiment.Positive],
        _ => throw Unusable(configFile, $"{count} generic labels"),
    };

    private static Sentiment? Semantic(string name) => name.ToLowerInvariant() switch
    {
        "negative" or "neg" or "부정" => Sentiment.Negative,
        "neutral" or "neu" or "중립" => Sentiment.Neutral,
        "positive" or "pos" or "긍정" => Sentiment.Positive,
        _ => null,
    };

    private static string Name(Sentiment sentiment) => sentiment switch
    {
        Sentiment.Negative => SentimentLabels.Negative,
        Sentiment.Neutral => SentimentLabels.Neutral,
        _ => SentimentLabels.Positive,
    };

    private static SentimentModelException Unusable(string configFile, string problem) =>
        new($"{configFile}: id2label is unusable: {problem}.");

    [GeneratedRegex("^label_(\\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericLabel();
}

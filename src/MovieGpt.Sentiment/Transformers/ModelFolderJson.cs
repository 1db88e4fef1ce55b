using System.Text.Json;

namespace MovieGpt.Sentiment.Transformers;

/// <summary>Reads the JSON files of a Hugging Face export, turning unreadable ones into errors that name the file.</summary>
internal static class ModelFolderJson
{
    /// <summary>The file's root object, or null when the file is absent.</summary>
    public static JsonElement? ReadOptional(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SentimentModelException($"{file} is not a JSON object.");
            }
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new SentimentModelException($"{file} is not valid JSON: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new SentimentModelException($"{file} cannot be read: {e.Message}", e);
        }
    }

    public static JsonElement ReadRequired(string file, string purpose) =>
        ReadOptional(file) ?? throw new SentimentModelException($"{file} is missing: {purpose}.");

    public static JsonElement? Property(this JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static bool? Boolean(this JsonElement? element, string name) =>
        element.Property(name) is { } value && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public static string? String(this JsonElement? element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A positive integer property; absent, non-numeric or absurdly large values (HF writes 1e30 for "no limit") are null.</summary>
    public static int? PositiveInt(this JsonElement? element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out var number)
            && number is >= 1 and <= int.MaxValue
            ? (int)number
            : null;
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace MovieGpt.Cli.Commands;

/// <summary>
/// The JSON the CLI writes: snake_case names, nulls left out, one line per object, Korean as it is ("연기", not
/// "\uC5F0\uAE30": readable for people and grep alike; HTML-sensitive characters stay escaped).
/// </summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        // Shared by every command: frozen so nothing can change it after start-up.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}

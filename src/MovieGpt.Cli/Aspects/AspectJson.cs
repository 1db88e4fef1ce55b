using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MovieGpt.Cli.Commands;

namespace MovieGpt.Cli.Aspects;

/// <summary>
/// <see cref="CliJson"/>'s options, but writing Hangul as it is: aspect names and evidence are Korean, and
/// "\uC5F0\uAE30" for 연기 makes the output unreadable for people and grep alike.
/// </summary>
internal static class AspectJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(CliJson.Options)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        // Shared by every call: frozen so nothing can change it after start-up.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}

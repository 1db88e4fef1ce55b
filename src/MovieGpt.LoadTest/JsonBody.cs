using System.Net.Http.Headers;
using System.Text.Json;

namespace MovieGpt.LoadTest;

/// <summary>
/// A JSON request body serialized up front, so it goes out with a Content-Length as most clients send it
/// (HttpClient's JsonContent streams, which HTTP/1.1 turns into chunked encoding that both sides pay to frame).
/// </summary>
public static class JsonBody
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static ByteArrayContent Of<T>(T value) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value)) { Headers = { ContentType = Json } };
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace MovieGpt.LoadTest;

/// <summary>
/// The accounts a run writes as (<c>--users N</c>): load0@moviegpt.load … registered at the start (or logged in when a
/// run before made them), each from its own loopback address so the server's per-address limit on /api/auth lets N
/// of them in. Client c writes as user c mod N, so with rate limits on each user has a write budget of their own.
/// </summary>
public sealed class LoadUsers
{
    private const string Password = "Load-Test-Passw0rd!";
    private readonly string[] _tokens;

    private LoadUsers(string[] tokens) => _tokens = tokens;

    public int Count => _tokens.Length;

    /// <summary>The e-mail of user <paramref name="index"/>: give <c>Auth__AdminEmails__0</c> user 0's to let the run delete its movies.</summary>
    public static string Email(int index) => $"load{index}@moviegpt.load";

    public static async Task<LoadUsers> SignInAsync(Uri url, int count)
    {
        var tokens = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using var http = FromOwnAddress(url, i);
            using var registered = await http.PostAsync("api/auth/register", JsonBody.Of(new { email = Email(i), password = Password, display_name = $"부하{i}" }), ct);
            if (registered.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException($"Registering {Email(i)} answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync(ct)}");
            }
            using var login = await http.PostAsync("api/auth/login", JsonBody.Of(new { email = Email(i), password = Password }), ct);
            if (!login.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Logging in {Email(i)} answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync(ct)}");
            }
            tokens[i] = (string)(await login.Content.ReadFromJsonAsync<JsonObject>(ct))!["access_token"]!;
        });
        return new LoadUsers(tokens);
    }

    /// <summary>A request sent as user <paramref name="user"/> (taken modulo <see cref="Count"/>).</summary>
    public HttpRequestMessage As(int user, HttpMethod method, string path, HttpContent? body = null) => new(method, path)
    {
        Content = body,
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user % _tokens.Length]) },
    };

    /// <summary>User i connects from 127.1.x.y (any 127/8 address is this machine's on Linux); elsewhere from the default one.</summary>
    private static HttpClient FromOwnAddress(Uri url, int index) =>
        LoopbackClient.From(url, new IPAddress([127, 1, (byte)(index / 250), (byte)(1 + index % 250)]), TimeSpan.FromSeconds(60));
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MovieGpt.LoadTest;

/// <summary>One kind of request in the mix, with how often a client picks it.</summary>
public sealed record Operation(string Name, int Weight);

/// <summary>
/// The mix a busy review site sees: half the requests write a review, the rest read a movie's reviews,
/// its statistics, or the latest reviews. With <see cref="LoadUsers"/> client c writes as user c mod N, and since an
/// account reviews a movie once, that user's later writes to a movie edit their review (PUT) instead.
/// </summary>
public sealed class Workload(HttpClient http, IReadOnlyList<int> movieIds, IReadOnlyList<string> texts, IReadOnlyList<int> weights, LoadUsers? users = null)
{
    public static readonly IReadOnlyList<Operation> Operations =
    [
        new("POST /api/reviews/", 50),
        new("GET /api/reviews/movie/{id}", 25),
        new("GET /api/movies/{id}/stats", 15),
        new("GET /api/reviews/", 10),
    ];

    public static IReadOnlyList<int> DefaultWeights { get; } = [.. Operations.Select(o => o.Weight)];

    private readonly int _totalWeight = weights.Sum();
    private readonly ConcurrentDictionary<(int User, int Movie), int> _reviewIds = new();
    private int _created;

    /// <summary>Reviews the server stored for this workload's writes (edits and 409s not counted).</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>Notes that <paramref name="user"/> already has review <paramref name="reviewId"/> of the movie, so their writes to it edit it.</summary>
    public void Reviewed(int user, int movieId, int reviewId) => _reviewIds[(user, movieId)] = reviewId;

    public int Pick(Random random)
    {
        var roll = random.Next(_totalWeight);
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }

    /// <summary>Sends one request of the given kind for <paramref name="client"/>; the status code when it is not a success, else null.</summary>
    public async Task<int?> SendAsync(int operation, int client, Random random, CancellationToken ct)
    {
        var movieId = movieIds[random.Next(movieIds.Count)];
        if (operation == 0 && users is not null)
        {
            return await WriteAsUserAsync(client % users.Count, movieId, texts[random.Next(texts.Count)], ct);
        }
        using var response = operation switch
        {
            0 => await http.PostAsync("api/reviews/", JsonBody.Of(new
            {
                movie_id = movieId,
                author = $"load{random.Next(1000)}",
                content = texts[random.Next(texts.Count)],
            }), ct),
            1 => await http.GetAsync($"api/reviews/movie/{movieId}?limit=20", ct),
            2 => await http.GetAsync($"api/movies/{movieId}/stats", ct),
            _ => await http.GetAsync("api/reviews/?limit=10", ct),
        };
        // Read the whole body: a client pays for it, so the latency should include it.
        await response.Content.LoadIntoBufferAsync(ct);
        if (operation == 0 && response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _created);
        }
        return response.IsSuccessStatusCode ? null : (int)response.StatusCode;
    }

    private async Task<int?> WriteAsUserAsync(int user, int movieId, string content, CancellationToken ct)
    {
        using var request = _reviewIds.TryGetValue((user, movieId), out var reviewId)
            ? users!.As(user, HttpMethod.Put, $"api/reviews/{reviewId}", JsonBody.Of(new { content }))
            : users!.As(user, HttpMethod.Post, "api/reviews/", JsonBody.Of(new { movie_id = movieId, content }));
        using var response = await http.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        if (request.Method == HttpMethod.Post && response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict)
        {
            // 409: another client writing as the same user got there first; the answer names that review.
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            var created = response.StatusCode == HttpStatusCode.Created;
            Reviewed(user, movieId, (int)body![created ? "id" : "review_id"]!);
            if (created)
            {
                Interlocked.Increment(ref _created);
            }
            return null;
        }
        return response.IsSuccessStatusCode ? null : (int)response.StatusCode;
    }
}

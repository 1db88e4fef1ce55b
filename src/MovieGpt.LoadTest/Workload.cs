namespace MovieGpt.LoadTest;

/// <summary>One kind of request in the mix, with how often a client picks it.</summary>
public sealed record Operation(string Name, int Weight);

/// <summary>
/// The mix a busy review site sees: half the requests write a review, the rest read a movie's reviews,
/// its statistics, or the latest reviews.
/// </summary>
public sealed class Workload(HttpClient http, IReadOnlyList<int> movieIds, IReadOnlyList<string> texts, IReadOnlyList<int> weights)
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

    /// <summary>Sends one request of the given kind; the status code when it is not a success, else null.</summary>
    public async Task<int?> SendAsync(int operation, Random random, CancellationToken ct)
    {
        var movieId = movieIds[random.Next(movieIds.Count)];
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
        return response.IsSuccessStatusCode ? null : (int)response.StatusCode;
    }
}

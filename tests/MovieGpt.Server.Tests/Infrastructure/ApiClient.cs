namespace MovieGpt.Server.Tests.Infrastructure;

/// <summary>Small HTTP helpers; request bodies spell the contract's snake_case names out, so the tests check the contract.</summary>
internal static class ApiClient
{
    public static async Task<JsonObject> CreateMovieAsync(
        this HttpClient client, string title, string? director = null, string? genre = null, string? releaseDate = null, string? posterUrl = null)
    {
        var response = await client.PostAsJsonAsync("/api/movies/",
            new { title, release_date = releaseDate, director, genre, poster_url = posterUrl });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    public static async Task<JsonObject> CreateReviewAsync(this HttpClient client, int movieId, string content, string author = "관객")
    {
        var response = await client.PostAsJsonAsync("/api/reviews/", new { movie_id = movieId, author, content });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    public static async Task<JsonArray> GetArrayAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!.AsArray();
    }

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>())!.AsObject();

    /// <summary>Asserts a ProblemDetails answer with the given status and returns its body.</summary>
    public static async Task<JsonObject> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal((int)status, (int)problem["status"]!);
        return problem;
    }

    /// <summary>The field names a 422 ValidationProblemDetails complains about.</summary>
    public static async Task<IReadOnlyCollection<string>> ReadInvalidFieldsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        return [.. problem["errors"]!.AsObject().Select(e => e.Key).Order()];
    }

    public static int Id(this JsonNode node) => (int)node["id"]!;
}

/// <summary>Real Korean reviews whose sentiment is not in doubt.</summary>
internal static class ReviewTexts
{
    public const string Positive = "정말 재미있고 감동적인 최고의 영화였어요";
    public const string Negative = "시간 낭비 돈 아깝다 최악의 영화 ㅡㅡ";

    public static readonly string[] Mixed =
    [
        "배우들 연기가 너무 좋았고 마지막 장면에서 눈물이 났어요 ㅠㅠ 강추합니다",
        "스토리가 뻔하고 지루해서 중간에 잠들었네요",
        "그냥 볼만했어요. 기대보다는 조금 아쉬웠지만 나쁘지 않음",
        "올해 본 영화 중 최고! 음악도 영상미도 완벽했다",
        "돈 주고 보기엔 아까운 영화... 연출이 엉망이다",
    ];
}

using System.Text.Json.Serialization;

namespace MovieGpt.Server.Catalog.Tmdb;

// TMDB's response shapes, only the members we read (JSON in snake_case, https://developer.themoviedb.org/reference).

/// <summary>GET search/movie.</summary>
internal sealed record TmdbSearchPage(int Page, List<TmdbSearchResult>? Results, int TotalResults, int TotalPages);

internal sealed record TmdbSearchResult(int Id, string? Title, string? OriginalTitle, string? ReleaseDate, string? PosterPath, string? Overview);

/// <summary>GET movie/{id}?append_to_response=credits.</summary>
internal sealed record TmdbMovie(
    int Id,
    string? Title,
    string? OriginalTitle,
    string? ReleaseDate,
    string? PosterPath,
    string? Overview,
    int? Runtime,
    List<TmdbGenre>? Genres,
    List<TmdbCountry>? ProductionCountries,
    TmdbCredits? Credits);

internal sealed record TmdbGenre(int Id, string? Name);

internal sealed record TmdbCountry([property: JsonPropertyName("iso_3166_1")] string? Iso31661, string? Name);

internal sealed record TmdbCredits(List<TmdbCast>? Cast, List<TmdbCrew>? Crew);

internal sealed record TmdbCast(string? Name, int Order);

internal sealed record TmdbCrew(string? Name, string? Job);

/// <summary>An error body: {"status_code": 7, "status_message": "Invalid API key: …", "success": false}.</summary>
internal sealed record TmdbError(int StatusCode, string? StatusMessage);

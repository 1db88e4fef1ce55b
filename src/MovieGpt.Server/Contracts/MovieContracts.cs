using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Contracts;

/// <summary>
/// A movie as the API and the UI show it (JSON in snake_case). <see cref="Genre"/> is <see cref="Genres"/> joined with
/// ", ", kept for the prototype's clients; the catalog fields are init properties so older call sites stay valid.
/// <see cref="AverageScore"/> is the raw mean positivity of the reviews; <see cref="AdjustedScore"/> the same shrunk
/// towards the mean of all reviews by how few it has (<see cref="Services.Prior"/>), which every "best" ordering uses.
/// </summary>
public sealed record MovieResponse(
    int Id,
    string Title,
    string? ReleaseDate,
    string? Director,
    string? Genre,
    string? PosterUrl,
    DateTime CreatedAt,
    int ReviewCount,
    double AverageScore)
{
    /// <summary>(Σ positivity + m·C)/(v + m); C for a movie without reviews.</summary>
    public double AdjustedScore { get; init; }

    public string? OriginalTitle { get; init; }

    public IReadOnlyList<string> Genres { get; init; } = [];

    /// <summary>Top billed first, at most <see cref="MovieLimits.MaxNames"/>.</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];

    public IReadOnlyList<string> Countries { get; init; } = [];

    public string? PlotSummary { get; init; }

    public int? RuntimeMinutes { get; init; }

    /// <summary>The catalog record the movie came from, e.g. <c>tmdb:496243</c>; unique when set.</summary>
    public string? ExternalId { get; init; }
}

/// <summary>The limits of a movie's catalog fields, shared by validation and the catalog import.</summary>
public static class MovieLimits
{
    public const int MaxNames = 10;

    public const int MaxName = 100;

    public const int MaxGenreText = 100;

    public const int MaxPlot = 5000;

    public const int MaxTitle = 200;

    public const int MaxRuntime = 1000;

    public const int MaxExternalId = 100;

    /// <summary>A source name, a colon and the source's id: <c>tmdb:496243</c>.</summary>
    public const string ExternalIdPattern = "^[a-z][a-z0-9_]*:[A-Za-z0-9._-]+$";
}

/// <summary>The body of POST /api/movies/; a mutable class so Blazor forms can bind to it.</summary>
public sealed class CreateMovieRequest : IValidatableObject
{
    [Required(ErrorMessage = "제목은 필수입니다. (Title is required.)")]
    [StringLength(200, MinimumLength = 1, ErrorMessage = "제목은 1–200자입니다. (Title must be 1–200 characters.)")]
    [StorableText]
    public string Title { get; set; } = "";

    [StringLength(50)]
    [StorableText]
    public string? ReleaseDate { get; set; }

    [StringLength(100)]
    [StorableText]
    public string? Director { get; set; }

    [StringLength(100)]
    [StorableText]
    public string? Genre { get; set; }

    [StringLength(500)]
    [StorableText]
    public string? PosterUrl { get; set; }

    [StringLength(MovieLimits.MaxTitle)]
    [StorableText]
    public string? OriginalTitle { get; set; }

    /// <summary>Several genres; when set, <see cref="Genre"/> is ignored and answered as these joined with ", ".</summary>
    public List<string>? Genres { get; set; }

    /// <summary>Top billed first, at most <see cref="MovieLimits.MaxNames"/>.</summary>
    public List<string>? Actors { get; set; }

    public List<string>? Countries { get; set; }

    [StringLength(MovieLimits.MaxPlot)]
    [StorableText]
    public string? PlotSummary { get; set; }

    [Range(1, MovieLimits.MaxRuntime, ErrorMessage = "상영 시간은 1–1000분입니다. (runtime_minutes must be 1–1000.)")]
    public int? RuntimeMinutes { get; set; }

    [StringLength(MovieLimits.MaxExternalId)]
    [RegularExpression(MovieLimits.ExternalIdPattern, ErrorMessage = "external_id는 'tmdb:496243' 형식입니다. (external_id must look like 'tmdb:496243'.)")]
    public string? ExternalId { get; set; }

    /// <summary>The genres to store: <see cref="Genres"/>, else <see cref="Genre"/> split at commas; trimmed, blanks and repeats dropped.</summary>
    public IReadOnlyList<string> GenreList() =>
        Names(Genres ?? (string.IsNullOrWhiteSpace(Genre) ? null : [.. Genre.Split(',')]));

    public IReadOnlyList<string> ActorList() => Names(Actors);

    public IReadOnlyList<string> CountryList() => Names(Countries);

    private static List<string> Names(IEnumerable<string?>? names) =>
        names is null ? [] : [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Title is not null && string.IsNullOrWhiteSpace(Title))
        {
            yield return new ValidationResult("제목을 입력해 주세요. (Title must not be blank.)", [nameof(Title)]);
        }
        if (!string.IsNullOrWhiteSpace(PosterUrl)
            && !(Uri.TryCreate(PosterUrl.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("포스터 URL은 http 또는 https 주소여야 합니다. (Poster URL must be an http or https URL.)", [nameof(PosterUrl)]);
        }
        foreach (var (name, list) in new[] { (nameof(Genres), Genres), (nameof(Actors), Actors), (nameof(Countries), Countries) })
        {
            if (NameListError(list) is { } error)
            {
                yield return new ValidationResult(error, [name]);
            }
        }
        if (Genres is not null && NameListError(Genres) is null && string.Join(", ", GenreList()).Length > MovieLimits.MaxGenreText)
        {
            yield return new ValidationResult(
                $"장르는 합쳐서 {MovieLimits.MaxGenreText}자 이내입니다. (genres joined with \", \" must fit in {MovieLimits.MaxGenreText} characters.)", [nameof(Genres)]);
        }
    }

    private static string? NameListError(List<string>? names)
    {
        if (names is null)
        {
            return null;
        }
        if (names.Count > MovieLimits.MaxNames)
        {
            return $"최대 {MovieLimits.MaxNames}개입니다. (At most {MovieLimits.MaxNames} names.)";
        }
        if (names.Any(n => string.IsNullOrWhiteSpace(n) || n.Trim().Length > MovieLimits.MaxName))
        {
            return $"각 이름은 1–{MovieLimits.MaxName}자입니다. (Each name must be 1–{MovieLimits.MaxName} characters.)";
        }
        return names.All(StorableTextAttribute.IsStorable) ? null : StorableTextAttribute.Message;
    }
}

public enum MovieSort
{
    Newest,
    Reviews,
    Score,
}

/// <summary>Search, sort and paging of the movie list.</summary>
public sealed record MovieListQuery(string? Q = null, MovieSort Sort = MovieSort.Newest, int Skip = 0, int Limit = 100);

/// <summary>GET /api/reviews/movie/{id}/rating, as the prototype answered it.</summary>
public sealed record MovieRatingResponse(int MovieId, double AverageScore, int ReviewCount);

/// <summary>A one-line answer such as {"message": "Movie deleted successfully"}.</summary>
public sealed record MessageResponse(string Message);

using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Contracts;

/// <summary>
/// A movie as the API and the UI show it (JSON in snake_case). <see cref="AverageScore"/> is the raw mean positivity
/// of its reviews; <see cref="AdjustedScore"/> the same shrunk towards the mean of all reviews by how few it has
/// (<see cref="Services.Prior"/>), which every "best" ordering uses.
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
    double AverageScore,
    double AdjustedScore);

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

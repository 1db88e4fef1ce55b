using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace MovieGpt.Server.Contracts;

/// <summary>The body of POST /api/auth/register; a mutable class so the Blazor form can bind to it.</summary>
public sealed class RegisterRequest : IValidatableObject
{
    public const int MinDisplayName = 2;
    public const int MaxDisplayName = 20;

    /// <summary>The column's size in UTF-16 units: 20 text elements of up to 12 units each (a family emoji is 11).</summary>
    public const int MaxDisplayNameUnits = 240;

    [Required(ErrorMessage = "이메일은 필수입니다. (Email is required.)")]
    [EmailAddress(ErrorMessage = "이메일 형식이 아닙니다. (Email is not a valid address.)")]
    [StringLength(256, ErrorMessage = "이메일은 256자 이하입니다. (Email must be at most 256 characters.)")]
    [StorableText]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "비밀번호는 필수입니다. (Password is required.)")]
    [StringLength(128, MinimumLength = 8, ErrorMessage = "비밀번호는 8–128자입니다. (Password must be 8–128 characters.)")]
    [StorableText]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "닉네임은 필수입니다. (display_name is required.)")]
    [StorableText]
    public string DisplayName { get; set; } = "";

    /// <summary>The 닉네임 as stored: trimmed.</summary>
    public string TrimmedDisplayName => DisplayName?.Trim() ?? "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Text elements, so a syllable or an emoji counts once however many UTF-16 units it takes.
        var length = new StringInfo(TrimmedDisplayName).LengthInTextElements;
        if (DisplayName is not null && (length is < MinDisplayName or > MaxDisplayName || TrimmedDisplayName.Length > MaxDisplayNameUnits))
        {
            yield return new ValidationResult("닉네임은 2–20자입니다. (display_name must be 2–20 characters.)", [nameof(DisplayName)]);
        }
    }
}

/// <summary>The body of POST /api/auth/login; a mutable class so the Blazor form can bind to it.</summary>
public sealed class LoginRequest
{
    [Required(ErrorMessage = "이메일은 필수입니다. (Email is required.)")]
    [StorableText]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "비밀번호는 필수입니다. (Password is required.)")]
    [StorableText]
    public string Password { get; set; } = "";
}

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>Identity's bearer tokens (opaque, protected by ASP.NET Core data protection); expires_in in seconds.</summary>
public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>An account as its owner sees it (GET /api/me, and 201 of a registration).</summary>
public sealed record UserResponse(int Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int ReviewCount);

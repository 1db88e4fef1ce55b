using System.Globalization;
using System.Security.Claims;

namespace MovieGpt.Server.Services;

/// <summary>
/// Who asks for a change, and what the rules let them do: the API builds it from the request's user, the UI from its
/// authentication state. <see cref="AnonymousWrites"/> is <see cref="AuthOptions.AllowAnonymousWrites"/>.
/// </summary>
public sealed record Caller(int? UserId, string? DisplayName, bool IsAdmin, bool AnonymousWrites)
{
    /// <summary>The claim that carries the 닉네임 (added when the principal is made, so writes need no look-up).</summary>
    public const string DisplayNameClaim = "display_name";

    public bool IsSignedIn => UserId is not null;

    /// <summary>May add movies and write reviews.</summary>
    public bool MayWrite => IsSignedIn || AnonymousWrites;

    /// <summary>May delete what <paramref name="ownerId"/> owns (null: no owner); anonymous mode lets anyone delete.</summary>
    public bool MayDelete(int? ownerId) => AnonymousWrites || MayEdit(ownerId);

    /// <summary>May edit what <paramref name="ownerId"/> owns: its owner or an admin; an ownerless review only an admin.</summary>
    public bool MayEdit(int? ownerId) => IsAdmin || (UserId is { } id && ownerId == id);

    /// <summary>May delete a movie (movies have no owner).</summary>
    public bool MayDeleteMovies => AnonymousWrites || IsAdmin;

    /// <summary>Which failure a refused change is: 401 for nobody, 403 for someone else.</summary>
    public WriteOutcome Refusal => IsSignedIn ? WriteOutcome.Forbidden : WriteOutcome.Unauthorized;

    public static Caller From(ClaimsPrincipal? user, AuthOptions options)
    {
        if (user?.Identity?.IsAuthenticated != true
            || !int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new Caller(null, null, false, options.AllowAnonymousWrites);
        }
        return new Caller(id, user.FindFirstValue(DisplayNameClaim), user.IsInRole(AuthOptions.AdminRole), options.AllowAnonymousWrites);
    }
}

/// <summary>How a change asked for by a <see cref="Caller"/> ended.</summary>
public enum WriteOutcome
{
    Done,
    NotFound,
    Unauthorized,
    Forbidden,
    Conflict,
}

/// <summary>A change's outcome, its result when done, and the review in the way of a <see cref="WriteOutcome.Conflict"/>.</summary>
public sealed record WriteResult<T>(WriteOutcome Outcome, T? Value = default, int? ExistingReviewId = null)
{
    public static WriteResult<T> Of(WriteOutcome outcome) => new(outcome);

    public static WriteResult<T> Done(T value) => new(WriteOutcome.Done, value);
}

using System.ComponentModel.DataAnnotations;

namespace MovieGpt.Server.Services;

/// <summary>The <c>Auth</c> section: who may write, who is an admin, how long tokens live, when an account locks.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The role of the e-mails in <see cref="AdminEmails"/>: may edit and delete any movie or review.</summary>
    public const string AdminRole = "admin";

    /// <summary>
    /// The prototype's open contract for its old clients: anonymous writes with an <c>author</c> and deletes without
    /// logging in. Off by default; logged as a warning at start-up when on.
    /// </summary>
    public bool AllowAnonymousWrites { get; set; }

    /// <summary>Accounts with these e-mails get the admin role when they register or log in (and lose it when removed).</summary>
    public string[] AdminEmails { get; set; } = [];

    [Range(1, 24 * 60)]
    public int AccessTokenMinutes { get; set; } = 60;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>
    /// How long an account's security stamp is kept between checks of its access tokens (<see cref="AccessTokenStamps"/>):
    /// a logout on another instance ends the account's tokens within this time; 0 reads it on every request.
    /// </summary>
    [Range(0, 3600)]
    public int StampCheckSeconds { get; set; } = 30;

    /// <summary>Failed logins in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    public bool IsAdminEmail(string? email) =>
        email is not null && AdminEmails.Any(admin => string.Equals(admin.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));
}

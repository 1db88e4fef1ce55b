using Microsoft.AspNetCore.Identity;

namespace MovieGpt.Server.Data;

/// <summary>An account: Identity's user (e-mail as the login, hashed password, lockout) and the 닉네임 its reviews show.</summary>
public sealed class AppUser : IdentityUser<int>
{
    /// <summary>The 닉네임: unique, 2–20 text elements, the author of every review the account writes.</summary>
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

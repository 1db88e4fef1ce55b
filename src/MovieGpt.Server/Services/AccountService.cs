using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// Registration, password checks with lockout, Identity's bearer tokens and the admin role, for the API and the UI's
/// pages alike. Tokens are Identity's own (<see cref="BearerTokenOptions"/>: tickets protected by ASP.NET Core data
/// protection), issued here so the answer is our snake_case shape; a logout changes the account's security stamp,
/// which ends every access token (<see cref="AccessTokenStamps"/>), refresh token and (at its next check) cookie of the account.
/// </summary>
public sealed class AccountService(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, RoleManager<IdentityRole<int>> roles, IReviewService reviews,
    IOptionsMonitor<AuthOptions> options, IOptionsMonitor<BearerTokenOptions> bearer, AccessTokenStamps stamps, TimeProvider clock)
{
    public async Task<RegisterOutcome> RegisterAsync(RegisterRequest request, CancellationToken ct = default)
    {
        var email = request.Email.Trim();
        var displayName = request.TrimmedDisplayName;
        if (await users.FindByEmailAsync(email) is not null)
        {
            return RegisterOutcome.Taken("email", "이미 가입된 이메일입니다. (The e-mail is already registered.)");
        }
        if (await DisplayNameTakenAsync(displayName, ct))
        {
            return RegisterOutcome.Taken("display_name", "이미 쓰이는 닉네임입니다. (The display_name is taken.)");
        }
        var user = new AppUser { UserName = email, Email = email, DisplayName = displayName, CreatedAt = clock.UtcNow() };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password);
        }
        catch (DbUpdateException)
        {
            // Another registration took the 닉네임 between the check and the insert (the unique index).
            if (!await DisplayNameTakenAsync(displayName, ct))
            {
                throw;
            }
            return RegisterOutcome.Taken("display_name", "이미 쓰이는 닉네임입니다. (The display_name is taken.)");
        }
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                return RegisterOutcome.Taken("email", "이미 가입된 이메일입니다. (The e-mail is already registered.)");
            }
            return new RegisterOutcome(null, null, created.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
        await SyncAdminRoleAsync(user);
        return new RegisterOutcome(await MeAsync(user.Id, ct), null, null);
    }

    /// <summary>Checks the password, counting failures toward the lockout; the account when it is right.</summary>
    public async Task<LoginOutcome> CheckPasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return new LoginOutcome(null, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user) ?? clock.GetUtcNow();
            return new LoginOutcome(null, until - clock.GetUtcNow());
        }
        if (!result.Succeeded)
        {
            return new LoginOutcome(null, null);
        }
        await SyncAdminRoleAsync(user);
        return new LoginOutcome(user, null);
    }

    /// <summary>A new access token and refresh token for the account, as Identity's bearer handler would issue them.</summary>
    public async Task<TokenResponse> IssueTokensAsync(AppUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var settings = bearer.Get(IdentityConstants.BearerScheme);
        var now = clock.GetUtcNow();
        var access = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + settings.BearerTokenExpiration },
            $"{IdentityConstants.BearerScheme}:AccessToken");
        var refresh = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + settings.RefreshTokenExpiration },
            $"{IdentityConstants.BearerScheme}:RefreshToken");
        return new TokenResponse("Bearer", settings.BearerTokenProtector.Protect(access), (long)settings.BearerTokenExpiration.TotalSeconds,
            settings.RefreshTokenProtector.Protect(refresh));
    }

    /// <summary>New tokens for a refresh token that is unexpired and whose account's security stamp is unchanged; else null.</summary>
    public async Task<TokenResponse?> RefreshAsync(string? refreshToken)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            return null;
        }
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return null;
        }
        await SyncAdminRoleAsync(user);
        return await IssueTokensAsync(user);
    }

    /// <summary>Ends every session of the account: its access and refresh tokens and its cookies stop working.</summary>
    public async Task LogoutAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            stamps.Forget(user.Id);
        }
    }

    public async Task<UserResponse?> MeAsync(int userId, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
        {
            return null;
        }
        return new UserResponse(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)],
            await reviews.CountByUserAsync(user.Id, ct));
    }

    /// <summary>The admin role follows <see cref="AuthOptions.AdminEmails"/>: granted when listed, taken when no longer.</summary>
    public async Task SyncAdminRoleAsync(AppUser user)
    {
        var listed = options.CurrentValue.IsAdminEmail(user.Email);
        var isAdmin = await users.IsInRoleAsync(user, AuthOptions.AdminRole);
        if (listed && !isAdmin)
        {
            if (!await roles.RoleExistsAsync(AuthOptions.AdminRole))
            {
                try
                {
                    await roles.CreateAsync(new IdentityRole<int>(AuthOptions.AdminRole));
                }
                catch (DbUpdateException)
                {
                    // Created by a login at the same moment, or a real failure.
                    if (!await roles.RoleExistsAsync(AuthOptions.AdminRole))
                    {
                        throw;
                    }
                }
            }
            await users.AddToRoleAsync(user, AuthOptions.AdminRole);
        }
        else if (!listed && isAdmin)
        {
            await users.RemoveFromRoleAsync(user, AuthOptions.AdminRole);
        }
    }

    private Task<bool> DisplayNameTakenAsync(string displayName, CancellationToken ct) => users.Users.AnyAsync(u => u.DisplayName == displayName, ct);
}

/// <summary>A registration: the new account, or the field already taken (409), or the invalid fields (422).</summary>
public sealed record RegisterOutcome(UserResponse? User, (string Field, string Message)? Conflict, IDictionary<string, string[]>? Errors)
{
    public static RegisterOutcome Taken(string field, string message) => new(null, (field, message), null);
}

/// <summary>A password check: the account when right; <see cref="LockedFor"/> when the account is locked out.</summary>
public sealed record LoginOutcome(AppUser? User, TimeSpan? LockedFor);

/// <summary>Adds the 닉네임 to the claims Identity puts in every cookie and token (with the id, e-mail, stamp and roles).</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<int>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Caller.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}

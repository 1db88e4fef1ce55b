using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Services;

/// <summary>
/// Ends access tokens at logout. An access token carries the account's security stamp from when it was issued, and a
/// logout changes the stamp, which ends refresh tokens and cookies; Identity's bearer handler never looks at the stamp
/// again, so without this check a token would outlive its logout by up to an hour. The account's current stamp is kept
/// for <see cref="AuthOptions.StampCheckSeconds"/>, so a busy client costs one database read per interval; a logout on
/// this instance forgets it at once, on another instance within that interval.
/// </summary>
public sealed class AccessTokenStamps(IMemoryCache cache, IOptionsMonitor<AuthOptions> auth, IOptions<IdentityOptions> identity)
{
    /// <summary>
    /// Whether <paramref name="principal"/>'s stamp is still its account's (false for a deleted account). The account is
    /// read through a <see cref="UserManager{TUser}"/> of <paramref name="services"/> only when the stamp is not kept, so
    /// a request that needs no database does not make one (and its database context) for this check.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        var claims = identity.Value.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (id is null || stamp is null)
        {
            return false;
        }
        var seconds = auth.CurrentValue.StampCheckSeconds;
        var current = seconds == 0
            ? await ReadAsync(services, id)
            : await cache.GetOrCreateAsync(Key(id), entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds);
                return ReadAsync(services, id);
            });
        return current == stamp;
    }

    /// <summary>Called after the account's stamp changed here, so its old tokens stop at their next request.</summary>
    public void Forget(int userId) => cache.Remove(Key(userId.ToString(CultureInfo.InvariantCulture)));

    private static string Key(string userId) => "security-stamp:" + userId;

    private static async Task<string?> ReadAsync(IServiceProvider services, string id)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByIdAsync(id) is { } user ? await users.GetSecurityStampAsync(user) : null;
    }
}

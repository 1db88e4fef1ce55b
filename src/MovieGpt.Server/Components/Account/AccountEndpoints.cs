using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Components.Account;

/// <summary>The UI's logout: a form post (with the antiforgery token) that clears the sign-in cookie.</summary>
public static class AccountEndpoints
{
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(AccountLinks.LocalOrHome(returnUrl));
        }).ExcludeFromDescription();
}

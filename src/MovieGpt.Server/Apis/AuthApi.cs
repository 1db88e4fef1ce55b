using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Contracts;
using MovieGpt.Server.Extensions;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Apis;

/// <summary>/api/auth (register, login, refresh, logout) and /api/me: docs/accounts.md.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        // One budget per client for all of /api/auth: guessing passwords or minting accounts costs a 429 (Retry-After).
        var group = app.MapGroup("/api/auth").WithTags("Accounts").RequireRateLimiting(RateLimitPolicies.Auth);
        group.MapPost("/register", Register)
            .AddEndpointFilter<ValidationFilter<RegisterRequest>>()
            .WithSummary("Create an account (e-mail, password, 닉네임)")
            .WithDescription("display_name (닉네임) is unique and 2–20 characters; 409 names the field already taken (email or display_name).");
        group.MapPost("/login", Login)
            .AddEndpointFilter<ValidationFilter<LoginRequest>>()
            .WithSummary("Log in: an access token and a refresh token")
            .WithDescription("Send access_token as Authorization: Bearer …. A wrong e-mail or password is 401; after repeated failures the "
                + "account is locked for a while: 429 with Retry-After (seconds), even with the right password.");
        group.MapPost("/refresh", Refresh)
            .WithSummary("New tokens for a refresh token")
            .WithDescription("401 when the refresh token expired or the account logged out since.");
        group.MapPost("/logout", Logout)
            .AddEndpointFilter<SignedInFilter>()
            .WithSummary("Log out: ends every session of the account")
            .WithDescription("The account's refresh tokens and cookies stop working; an access token lives until it expires (expires_in).");
        app.MapGet("/api/me", Me)
            .AddEndpointFilter<SignedInFilter>()
            .WithTags("Accounts")
            .WithSummary("The signed-in account and its review count");
        return group;
    }

    public static async Task<Results<Created<UserResponse>, ProblemHttpResult>> Register(RegisterRequest request, AccountService accounts, CancellationToken ct)
    {
        var outcome = await accounts.RegisterAsync(request, ct);
        if (outcome.Conflict is { } taken)
        {
            return TypedResults.Problem(detail: taken.Message, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["field"] = taken.Field });
        }
        if (outcome.Errors is { } errors)
        {
            return ValidationFilter<object>.Invalid(errors);
        }
        return TypedResults.Created("/api/me", outcome.User!);
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Login(LoginRequest request, AccountService accounts, HttpContext context)
    {
        var outcome = await accounts.CheckPasswordAsync(request.Email, request.Password);
        if (outcome.LockedFor is { } locked)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(locked.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(detail: "로그인 실패가 반복되어 잠시 잠겼습니다. (Too many failed logins: the account is locked for a while.)",
                statusCode: StatusCodes.Status429TooManyRequests);
        }
        if (outcome.User is not { } user)
        {
            return ApiResults.Unauthorized("이메일 또는 비밀번호가 맞지 않습니다. (Wrong e-mail or password.)");
        }
        return TypedResults.Ok(await accounts.IssueTokensAsync(user));
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(RefreshRequest? request, AccountService accounts) =>
        await accounts.RefreshAsync(request?.RefreshToken) is { } tokens
            ? TypedResults.Ok(tokens)
            : ApiResults.Unauthorized("The refresh token is expired, invalid or was ended by a logout.");

    public static async Task<NoContent> Logout(ClaimsPrincipal user, AccountService accounts)
    {
        await accounts.LogoutAsync(user);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Me(
        ClaimsPrincipal user, AccountService accounts, IOptions<AuthOptions> options, CancellationToken ct) =>
        Caller.From(user, options.Value).UserId is { } id && await accounts.MeAsync(id, ct) is { } me
            ? TypedResults.Ok(me)
            : ApiResults.Unauthorized("The account no longer exists.");
}

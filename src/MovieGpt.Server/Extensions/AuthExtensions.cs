using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using MovieGpt.Server.Components.Account;
using MovieGpt.Server.Data;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Extensions;

/// <summary>
/// Accounts: Identity over <see cref="MovieGptDbContext"/>, Identity's bearer tokens for the API and its cookie for the
/// UI, one policy scheme choosing between them, and the <see cref="AuthOptions"/> rules (docs/accounts.md).
/// </summary>
public static class AuthExtensions
{
    /// <summary>The default scheme: the bearer token when the request carries one, else the UI's cookie.</summary>
    public const string Scheme = "BearerOrCookie";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, Scheme, options => options.ForwardDefaultSelector = context =>
                CarriesBearerToken(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        builder.Services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<AuthOptions>>((bearer, auth) =>
        {
            bearer.BearerTokenExpiration = TimeSpan.FromMinutes(auth.Value.AccessTokenMinutes);
            bearer.RefreshTokenExpiration = TimeSpan.FromDays(auth.Value.RefreshTokenDays);
        });
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/login";
            cookie.Cookie.Name = "moviegpt.auth";
            // The API answers 401/403, never a redirect to the login page.
            cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddIdentityCore<AppUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                // The user name is the e-mail, whatever characters the address has.
                identity.User.AllowedUserNameCharacters = "";
                identity.Password.RequiredLength = 8;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole<int>>()
            .AddEntityFrameworkStores<MovieGptDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        builder.Services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedLogins;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.LockoutMinutes);
        });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<AccessTokenStamps>();
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddScoped<Viewer>();
        return builder;
    }

    /// <summary>Authentication and authorization, after the error pages so that their 401s and 403s are ProblemDetails too.</summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.AllowAnonymousWrites)
        {
            app.Logger.LogWarning("Auth:AllowAnonymousWrites is on: anyone may add movies, write reviews under any name and delete any movie or review without logging in");
        }
        app.UseAuthentication();
        // An access token whose account logged out since it was issued signs nothing in (AccessTokenStamps).
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && CarriesBearerToken(context.Request)
                && !await context.RequestServices.GetRequiredService<AccessTokenStamps>().IsCurrentAsync(context.User, context.RequestServices))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            await next(context);
        });
        app.UseAuthorization();
        return app;
    }

    private static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The OpenAPI document's bearer scheme, so Swagger UI's Authorize button takes an access token.</summary>
    public static void AddBearerSecurity(this OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "access_token from POST /api/auth/login (Identity's bearer token, not a JWT)",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}

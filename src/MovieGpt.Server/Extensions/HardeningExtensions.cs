using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using MovieGpt.Server.Services;

namespace MovieGpt.Server.Extensions;

/// <summary>
/// What stands between the internet and the endpoints: the client address behind a trusted proxy, security headers,
/// CORS (closed unless origins are listed) and the JSON body cap. The rate limits are in <see cref="RateLimitExtensions"/>.
/// </summary>
public static class HardeningExtensions
{
    public static IHostApplicationBuilder AddHardening(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpLimitOptions>()
            .BindConfiguration(HttpLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ScoringOptions>()
            .BindConfiguration(ScoringOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ScoringQueue>();

        var cors = builder.Configuration.GetSection(CorsSettings.SectionName).Get<CorsSettings>() ?? new CorsSettings();
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
            policy.WithOrigins(cors.AllowedOrigins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Retry-After", "Location")));

        var proxies = builder.Configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>()
            ?? new ForwardedHeadersSettings();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what the operator lists is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in proxies.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    public static WebApplication UseHardening(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (proxies.KnownProxies.Count > 0 || proxies.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseSecurityHeaders();
        if (app.Configuration.GetSection(CorsSettings.SectionName).Get<CorsSettings>()?.AllowedOrigins is { Length: > 0 })
        {
            app.UseCors();
        }
        app.Use(LimitJsonBodyAsync);
        return app;
    }

    /// <summary>
    /// A JSON body over the cap is refused before it is read when its length is announced, and stopped by the server
    /// while it is read otherwise (the endpoint then answers 413 through the status code pages).
    /// </summary>
    private static async Task LimitJsonBodyAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.HasJsonContentType())
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<HttpLimitOptions>>().Value.MaxJsonBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Request body too large",
                        Detail = $"A JSON body may hold at most {limit} bytes.",
                    },
                });
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }
        }
        await next(context);
    }
}

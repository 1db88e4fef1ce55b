using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MovieGpt.Sentiment;
using MovieGpt.Server.Data;

namespace MovieGpt.Server.Apis;

public sealed record ServiceInfo(string Name, string Version, string Docs, string Model);

/// <summary>
/// GET /api (what this is), GET /health/live (the process answers), GET /health/ready and GET /health (200 only when the
/// database answers and the model is loaded).
/// </summary>
public static class RootApi
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ModelHealthCheck>("model");
        return builder;
    }

    public static IEndpointRouteBuilder MapRootApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api", (ISentimentAnalyzer analyzer) => TypedResults.Ok(new ServiceInfo(
                "MovieGpt",
                typeof(RootApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0",
                "/docs",
                analyzer.Model.Name)))
            .WithTags("Service")
            .WithSummary("Service name, version and where the docs are");
        app.MapHealthChecks("/health", Checks(_ => true));
        app.MapHealthChecks("/health/ready", Checks(_ => true));
        // Liveness runs no check: a database outage is the readiness probe's business, not a reason to restart.
        app.MapHealthChecks("/health/live", Checks(_ => false));
        return app;
    }

    private static HealthCheckOptions Checks(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private sealed class DatabaseHealthCheck(MovieGptDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(ct))
                {
                    return HealthCheckResult.Unhealthy("The database does not answer.");
                }
                await db.Movies.AsNoTracking().AnyAsync(ct);   // and the schema is there
                return HealthCheckResult.Healthy();
            }
            catch (Exception e)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", e);
            }
        }
    }

    private sealed class ModelHealthCheck(IServiceProvider services) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var analyzer = services.GetRequiredService<ISentimentAnalyzer>();
                return Task.FromResult(HealthCheckResult.Healthy(analyzer.Model.Name));
            }
            catch (Exception e)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("The sentiment model is not loaded.", e));
            }
        }
    }
}

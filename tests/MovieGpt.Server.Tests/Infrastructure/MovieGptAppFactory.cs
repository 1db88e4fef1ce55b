using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MovieGpt.Server.Tests.Infrastructure;

/// <summary>
/// The real app (Program.cs, the shipped model, the real pipeline) with its configuration overridden the
/// way an operator would: by settings, not by swapping services. Only failure-injection tests pass services.
/// </summary>
public sealed class MovieGptAppFactory(
    IReadOnlyDictionary<string, string?> settings,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    /// <summary>What every test app runs with unless its settings say otherwise: no rate limits.</summary>
    public static readonly IReadOnlyDictionary<string, string?> TestDefaults = new Dictionary<string, string?>
    {
        ["RateLimits:Enabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestDefaults)
        {
            builder.UseSetting(key, value);
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }
}

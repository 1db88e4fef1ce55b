using Microsoft.Extensions.Logging.Console;
using NLog;
using NLog.Config;
using NLog.Extensions.Logging;
using NLog.Layouts;
using NLog.Targets;
using NLog.Targets.Wrappers;

namespace MovieGpt.Server.Extensions;

/// <summary>
/// One compact log entry per request (<see cref="RequestLogMiddleware"/>: method, path, status, milliseconds, bytes), and
/// the console log as JSON lines written in batches by NLog. The default console logger wakes its writer thread for nearly every entry when it keeps up, and on a
/// 2-core virtual machine where a wake-up is dear that was a large share of a small request (docs/performance.md).
/// The "Logging" section still chooses what is logged.
/// </summary>
public static class LoggingExtensions
{
    public static IHostApplicationBuilder AddRequestLogs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLogOptions>().BindConfiguration(RequestLogOptions.SectionName);

        builder.Services.AddOptions<ConsoleLogOptions>()
            .BindConfiguration(ConsoleLogOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(ConsoleLogOptions.SectionName).Get<ConsoleLogOptions>() ?? new ConsoleLogOptions();

        // Only the console provider is replaced; the others (EventSource for dotnet-trace, Debug) stay.
        foreach (var console in builder.Services.Where(service => service.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            builder.Services.Remove(console);
        }
        builder.Logging.AddNLog(
            // The Logging section's levels keep applying; the app's own factory is closed when the app is disposed.
            new NLogProviderOptions { RemoveLoggerFactoryFilter = false, ShutdownOnDispose = true },
            services => ConsoleLog(options.FlushMilliseconds, services.GetService<Target>()));
        // Registered before the app's other hosted services, so it stops after them and writes what they logged last.
        builder.Services.AddHostedService<ConsoleLogFlush>();
        return builder;
    }

    /// <summary>The request log, first in the pipeline so that it times and counts everything after it.</summary>
    public static WebApplication UseRequestLog(this WebApplication app)
    {
        app.UseMiddleware<RequestLogMiddleware>();
        return app;
    }

    /// <summary>Writes the console log's waiting batch when the app stops: NLog's shutdown on dispose alone lost it.</summary>
    private sealed class ConsoleLogFlush(IEnumerable<ILoggerProvider> providers) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            foreach (var provider in providers.OfType<NLogLoggerProvider>())
            {
                provider.LogFactory.Flush(TimeSpan.FromSeconds(5));
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// A log factory of the app's own (no NLog global state) with one target, batched: JSON lines on stdout, or the
    /// <paramref name="output"/> target when one is given (a test registers one as a service).
    /// </summary>
    internal static LogFactory ConsoleLog(int flushMilliseconds, Target? output)
    {
        var factory = new LogFactory();
        var config = new LoggingConfiguration(factory);
        output ??= new ConsoleTarget("console") { Layout = JsonLines };
        var batches = new AsyncTargetWrapper("console-batches", output)
        {
            TimeToSleepBetweenBatches = flushMilliseconds,
            BatchSize = 1000,
            // A full queue makes the logging thread wait rather than drop entries.
            OverflowAction = AsyncTargetWrapperOverflowAction.Block,
        };
        config.AddRuleForAllLevels(batches);
        factory.Configuration = config;
        return factory;
    }

    /// <summary>One JSON object a line: UTC time, level, category, message, the entry's fields (its event id too), the exception.</summary>
    internal static JsonLayout JsonLines => new()
    {
        Attributes =
        {
            new JsonAttribute("time", "${date:universalTime=true:format=o}"),
            new JsonAttribute("level", "${level:lowercase=true}"),
            new JsonAttribute("category", "${logger}"),
            new JsonAttribute("message", "${message}"),
            new JsonAttribute("exception", "${exception:format=tostring}"),
        },
        IncludeEventProperties = true,
        // Values such as a request's PathString as their text, not their members.
        MaxRecursionLimit = 0,
    };
}

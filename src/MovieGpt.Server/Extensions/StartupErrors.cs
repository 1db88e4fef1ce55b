using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MovieGpt.Sentiment;

namespace MovieGpt.Server.Extensions;

/// <summary>A setting or a resource the service cannot start without; the message says which, and what is wrong.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The start-up failures that are the operator's to fix (a bad setting, a missing or broken model, a database that
/// does not answer, a port already taken): Program prints them as one line and exits with 1. Anything else is a bug and keeps its stack trace.
/// </summary>
public static class StartupErrors
{
    public const int ExitFailure = 1;

    /// <summary>The operator's error inside <paramref name="error"/>, or null when it is a bug.</summary>
    public static Exception? OperatorError(Exception error) => error switch
    {
        StartupException or OptionsValidationException or SentimentModelException => error,
        // "Failed to convert configuration value 'x' at 'Section:Key' to type ...": a setting that is not a number, say.
        InvalidOperationException { TargetSite.DeclaringType: var thrower } when thrower == typeof(ConfigurationBinder) => error,
        // Kestrel's "Failed to bind to address http://…: address already in use."
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } => error,
        // Host.StartAsync gathers the hosted services' failures.
        AggregateException aggregate => aggregate.InnerExceptions.Select(OperatorError).FirstOrDefault(found => found is not null),
        _ => null,
    };

    public static string Describe(Exception error) => $"MovieGpt.Server cannot start: {error.Message.ReplaceLineEndings(" ")}";
}

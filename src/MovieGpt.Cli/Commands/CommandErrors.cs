using MovieGpt.Sentiment;

namespace MovieGpt.Cli.Commands;

/// <summary>
/// Turns the failures a user can cause (a missing file, a bad model folder, bad data, a bad option value)
/// into one line on standard error and exit code 1; anything else is a bug and keeps its stack trace.
/// </summary>
internal static class CommandErrors
{
    public const int ExitFailure = 1;

    public static int Run(CliContext context, string command, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsUserError(e))
        {
            context.Error.WriteLine($"moviegpt {command}: {ExceptionText.Of(e)}");
            context.Error.Flush();
            return ExitFailure;
        }
    }

    private static bool IsUserError(Exception e) => e is
        FileNotFoundException or DirectoryNotFoundException or SentimentModelException or InvalidDataException
        or ArgumentException or UnauthorizedAccessException or IOException;
}

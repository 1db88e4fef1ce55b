namespace MovieGpt.Cli.Commands;

/// <summary>Exception messages as a user should read them: one line, without .NET's "(Parameter 'x')" suffix.</summary>
internal static class ExceptionText
{
    public static string Of(Exception e)
    {
        var message = e is ArgumentException { ParamName: { } name }
            ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : e.Message;
        return message.ReplaceLineEndings(" ");
    }
}

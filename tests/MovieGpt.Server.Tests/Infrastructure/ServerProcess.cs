using System.Diagnostics;

namespace MovieGpt.Server.Tests.Infrastructure;

/// <summary>What the server printed and returned when started the way an operator starts it.</summary>
public sealed record ServerExit(int ExitCode, string Output, string Error);

/// <summary>
/// The server as its own process (<c>dotnet MovieGpt.Server.dll</c>, configured by environment variables), for what
/// an operator sees when it cannot start: WebApplicationFactory hosts Program in the test process, where an exit
/// code and standard error cannot be seen.
/// </summary>
public static class ServerProcess
{
    public static async Task<ServerExit> RunUntilExitAsync(
        string workingFolder, IReadOnlyDictionary<string, string> environment, string url = "http://127.0.0.1:0")
    {
        // dotnet test names the host it runs under; the server's runtimeconfig.json is copied next to its assembly.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        // As in the in-process fixtures: no rate limits unless the test's environment turns them on.
        start.Environment["RateLimits__Enabled"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The server was still running after 60 s; it printed: {await output} {await error}");
        }
        return new ServerExit(process.ExitCode, await output, await error);
    }
}

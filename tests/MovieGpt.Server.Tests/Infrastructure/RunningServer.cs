using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace MovieGpt.Server.Tests.Infrastructure;

/// <summary>
/// The server as a running process of its own (<c>dotnet MovieGpt.Server.dll</c>) on a loopback port, for what only a
/// real process shows: two instances on one database, kill -9, SIGTERM. Its JSON log lines are kept for the test.
/// Disposing kills it if it still runs.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Task _output;
    private readonly Task _error;

    private RunningServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        _output = PumpAsync(process.StandardOutput);
        _error = PumpAsync(process.StandardError);
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Every line the process wrote so far, standard output and error.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>The JSON log entries of one category.</summary>
    public IEnumerable<JsonObject> LogEntries(string category) =>
        Lines.Where(line => line.StartsWith('{')).Select(line => JsonNode.Parse(line)!.AsObject()).Where(e => (string?)e["category"] == category);

    /// <summary>
    /// Starts the server on a free loopback port with the settings as environment variables (writes open to anonymous
    /// clients and no rate limits, as the other test fixtures) and waits until /health/ready answers 200.
    /// </summary>
    public static async Task<RunningServer> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["Auth__AllowAnonymousWrites"] = "true";
        start.Environment["RateLimits__Enabled"] = "false";
        start.Environment["ConsoleLog__FlushMilliseconds"] = "10";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var server = new RunningServer(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), address);
        try
        {
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>kill -9: no shutdown, no drain, whatever was in flight is cut.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a container stop sends it; answers the exit code once the process ends.</summary>
    public async Task<int> TerminateAsync()
    {
        if (Kill(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        await Task.WhenAll(_output, _error);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                await Task.WhenAll(_output, _error);
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}: {string.Join('\n', _lines)}");
            }
            try
            {
                using var ready = await Client.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (waited.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"The server was not ready after 90 s: {string.Join('\n', _lines)}");
            }
            await Task.Delay(100);
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            _lines.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

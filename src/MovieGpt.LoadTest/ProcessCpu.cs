namespace MovieGpt.LoadTest;

/// <summary>CPU time of another process on this machine (Linux /proc), to tell the server's cost per request.</summary>
public static class ProcessCpu
{
    /// <summary>User + system CPU time of the process so far, or null when it cannot be read.</summary>
    public static TimeSpan? Read(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return null;
        }
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
        return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
    }
}

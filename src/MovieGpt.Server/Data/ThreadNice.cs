using System.Runtime.InteropServices;

namespace MovieGpt.Server.Data;

/// <summary>
/// The calling thread's Linux nice value (Linux schedules threads, not processes, so one thread can get ahead of the
/// thread pool). Lowering it below 0 needs root, CAP_SYS_NICE or a raised RLIMIT_NICE; elsewhere it is refused.
/// </summary>
internal static class ThreadNice
{
    private const int PrioProcess = 0;   // with a thread id, setpriority(2) applies to that one thread

    /// <summary>True when set; otherwise the errno (1 = EPERM), or null off Linux.</summary>
    public static bool TrySet(int nice, out int? error)
    {
        error = null;
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        if (setpriority(PrioProcess, gettid(), nice) == 0)
        {
            return true;
        }
        error = Marshal.GetLastPInvokeError();
        return false;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    private static extern int gettid();
}

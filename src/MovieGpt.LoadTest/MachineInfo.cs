using System.Runtime.InteropServices;

namespace MovieGpt.LoadTest;

/// <summary>The machine the figures were measured on.</summary>
public static class MachineInfo
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}

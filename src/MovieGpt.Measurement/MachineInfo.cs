using System.Runtime.InteropServices;

namespace MovieGpt.Measurement;

/// <summary>The machine a benchmark or load run ran on, printed beside its figures so they can be compared.</summary>
public sealed record MachineInfo(int Cores, string Cpu, string Os, string Dotnet)
{
    public static MachineInfo Detect() => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>The first "model name" of /proc/cpuinfo (Linux); the architecture elsewhere.</summary>
    public static string CpuModel(string cpuInfoPath = "/proc/cpuinfo")
    {
        if (File.Exists(cpuInfoPath))
        {
            foreach (var line in File.ReadLines(cpuInfoPath))
            {
                var colon = line.IndexOf(':');
                if (colon > 0 && line[..colon].Trim() == "model name")
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}

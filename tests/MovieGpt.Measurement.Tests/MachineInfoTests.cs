namespace MovieGpt.Measurement.Tests;

public sealed class MachineInfoTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("moviegpt-measurement-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_cpu_model_is_the_first_model_name_of_cpuinfo()
    {
        var cpuinfo = Path.Combine(_folder, "cpuinfo");
        File.WriteAllLines(cpuinfo, ["processor\t: 0", "vendor_id\t: GenuineIntel", "model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz", "", "processor\t: 1", "model name\t: other"]);

        Assert.Equal("Intel(R) Xeon(R) CPU @ 2.20GHz", MachineInfo.CpuModel(cpuinfo));
    }

    [Fact]
    public void Without_cpuinfo_the_architecture_is_named()
    {
        var name = MachineInfo.CpuModel(Path.Combine(_folder, "absent"));

        Assert.Equal(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(), name);
    }
}

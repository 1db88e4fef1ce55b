using System.Text.Json;
using MovieGpt.Cli.Aspects;
using MovieGpt.Cli.Tests.Support;

namespace MovieGpt.Cli.Tests.Aspects;

/// <summary>`moviegpt aspects` and `moviegpt eval-aspects` run in-process with the shipped model.</summary>
public sealed class AspectsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_line_gets_its_aspects_in_order_and_an_empty_line_an_error_object()
    {
        var run = CliRun.Of(["aspects"], "연기는 좋은데 스토리가 별로\n\n정말 재밌어요 최고\n음악이 정말 아름답다\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var lines = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        var first = lines[0].GetProperty("aspects").EnumerateArray().ToList();
        Assert.Equal(["연기", "스토리"], first.Select(a => a.GetProperty("aspect").GetString()));
        Assert.Equal(["positive", "negative"], first.Select(a => a.GetProperty("label").GetString()));
        Assert.Equal("연기는 좋은데", first[0].GetProperty("evidence").GetString());
        Assert.InRange(first[0].GetProperty("score").GetDouble(), 0, 1);
        Assert.Equal("empty text", lines[1].GetProperty("error").GetString());
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.Empty(lines[2].GetProperty("aspects").EnumerateArray());
        Assert.Equal("음악", lines[3].GetProperty("aspects")[0].GetProperty("aspect").GetString());
        Assert.Contains("\"연기\"", run.OutputLines[0]);
    }

    [Fact]
    public void Reviews_can_come_from_a_file_and_small_batches_keep_the_order()
    {
        var path = _temp.Write("reviews.txt", "액션은 최고", "", "스토리가 엉망", "배우들 연기 최고");

        var run = CliRun.Of(["aspects", "--input", path, "--batch", "1"]);

        Assert.Equal(0, run.ExitCode);
        var aspects = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => e.TryGetProperty("aspects", out var a) ? a[0].GetProperty("aspect").GetString() : "error").ToList();
        Assert.Equal(["액션", "error", "스토리", "연기"], aspects);
    }

    [Fact]
    public void A_missing_input_file_or_a_bad_batch_is_one_error_line_and_exit_code_1()
    {
        var missing = CliRun.Of(["aspects", "--input", Path.Combine(_temp.Path, "nope.txt")]);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("moviegpt aspects: ", missing.Error);
        Assert.Empty(missing.Output);

        var badBatch = CliRun.Of(["aspects", "--batch", "0"], "연기 좋다\n");
        Assert.Equal(1, badBatch.ExitCode);
        Assert.Contains("--batch", badBatch.Error);
    }

    [Fact]
    public void Eval_aspects_prints_mention_and_polarity_figures_for_a_small_file()
    {
        var path = _temp.Write("aspects.tsv",
            "text\t연기\t스토리\t연출\t액션\t음악",
            "연기는 좋은데 스토리가 별로\t1\t-1\t0\t0\t0",
            "배우들 연기 최고 음악도 좋았다\t1\t0\t0\t0\t1",
            "액션은 화려하지만 스토리가 엉망이다\t0\t-1\t0\t1\t0",
            "감독의 연출이 지루하다\t0\t0\t-1\t0\t0");

        var run = CliRun.Of(["eval-aspects", "--data", path]);

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(Assert.Single(run.OutputLines)).RootElement;
        Assert.Equal(4, json.GetProperty("n").GetInt32());
        Assert.Equal(1.0, json.GetProperty("mention_macro_f1").GetDouble());
        Assert.Equal(["연기", "스토리", "연출", "액션", "음악"], json.GetProperty("mentions").EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, json.GetProperty("polarity").GetProperty("mentions").GetInt32());
        Assert.Equal(2, json.GetProperty("polarity_disagreeing").GetProperty("reviews").GetInt32());
        Assert.InRange(json.GetProperty("polarity").GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.InRange(json.GetProperty("baseline_polarity_disagreeing").GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.True(json.GetProperty("reviews_per_second").GetDouble() > 0);
    }

    [Fact]
    public void Eval_aspects_half_measures_the_tuning_or_the_check_half_and_they_make_the_whole()
    {
        string[] rows =
        [
            "연기는 좋은데 스토리가 별로\t1\t-1\t0\t0\t0", "배우들 연기 최고 음악도 좋았다\t1\t0\t0\t0\t1",
            "액션은 화려하지만 스토리가 엉망이다\t0\t-1\t0\t1\t0", "감독의 연출이 지루하다\t0\t0\t-1\t0\t0",
            "음악이 정말 아름답다\t0\t0\t0\t0\t1", "스토리가 탄탄하다\t0\t1\t0\t0\t0",
        ];
        var path = _temp.Write("halves.tsv", ["text\t연기\t스토리\t연출\t액션\t음악", .. rows]);
        var evenRows = rows.Count(r => AspectDataFile.Fnv1a(r.Split('\t')[0]) % 2 == 0);

        var tuning = JsonDocument.Parse(Assert.Single(CliRun.Of(["eval-aspects", "--data", path, "--half", "tuning"]).OutputLines)).RootElement;
        var check = JsonDocument.Parse(Assert.Single(CliRun.Of(["eval-aspects", "--data", path, "--half", "check"]).OutputLines)).RootElement;

        Assert.Equal(evenRows, tuning.GetProperty("n").GetInt32());
        Assert.Equal(rows.Length - evenRows, check.GetProperty("n").GetInt32());
        Assert.EndsWith("(tuning half)", tuning.GetProperty("data").GetString());
        Assert.EndsWith("(check half)", check.GetProperty("data").GetString());
        Assert.Equal(1, CliRun.Of(["eval-aspects", "--data", path, "--half", "odd"]).ExitCode);
    }

    [Theory]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void The_halves_hash_is_fnv1a_32(string text, uint hash)
    {
        Assert.Equal(hash, AspectDataFile.Fnv1a(text));
    }

    [Fact]
    public void Eval_aspects_rejects_a_file_without_the_aspect_header()
    {
        var path = _temp.Write("bad.tsv", "text\tlabel", "좋다\t1");

        var run = CliRun.Of(["eval-aspects", "--data", path]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("header", run.Error);
        Assert.Empty(run.Output);
    }
}

using System.Text.Json;
using MovieGpt.Cli.Tests.Support;

namespace MovieGpt.Cli.Tests.Commands;

/// <summary>`moviegpt explain` run in-process with the shipped model.</summary>
public sealed class ExplainCommandTests
{
    private static readonly string[] ResultFields = ["label", "score", "probabilities", "rating", "tokens", "sentences", "mixed"];

    [Fact]
    public void Each_line_gets_one_json_line_with_tokens_sentences_and_mixed_in_snake_case()
    {
        var run = CliRun.Of(["explain"], "배우들 연기는 최고 스토리는 최악\n\n정말 재밌었다. 근데 결말은 최악이었다 ㅡㅡ 돈 아까움\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var lines = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);

        var first = lines[0];
        Assert.Equal(ResultFields, first.EnumerateObject().Select(p => p.Name));
        var tokens = first.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(["배우들", "연기는", "최고", "스토리는", "최악"], tokens.Select(t => t.GetProperty("text").GetString()));
        Assert.Equal(["text", "start", "length", "contribution"], tokens[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(8, tokens[2].GetProperty("start").GetInt32());
        Assert.Equal(2, tokens[2].GetProperty("length").GetInt32());
        Assert.True(tokens[2].GetProperty("contribution").GetDouble() > 0);
        Assert.True(tokens[4].GetProperty("contribution").GetDouble() < 0);
        Assert.False(first.GetProperty("mixed").GetBoolean());

        Assert.Equal("empty text", lines[1].GetProperty("error").GetString());
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());

        var sentences = lines[2].GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(["text", "start", "length", "label", "score", "probabilities"], sentences[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("정말 재밌었다.", sentences[0].GetProperty("text").GetString());
        Assert.True(sentences.Count >= 2);
        Assert.True(lines[2].GetProperty("mixed").GetBoolean());
    }

    [Fact]
    public void Korean_is_written_as_it_is_not_escaped()
    {
        var run = CliRun.Of(["explain"], "최고의 영화\n");
        Assert.Contains("\"text\":\"최고의\"", run.Output);
    }

    [Fact]
    public void Reads_an_input_file_and_answers_every_line_in_order()
    {
        var path = Path.Combine(Path.GetTempPath(), $"explain-{Guid.NewGuid():N}.txt");
        var reviews = Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? $"최고의 영화 {i}" : i % 3 == 1 ? $"최악 돈 아까움 {i}" : "   ").ToList();
        File.WriteAllLines(path, reviews);
        try
        {
            var run = CliRun.Of(["explain", "--input", path, "--batch", "64"]);
            Assert.Equal(0, run.ExitCode);
            var lines = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(300, lines.Count);
            for (var i = 0; i < 300; i++)
            {
                if (i % 3 == 2)
                {
                    Assert.Equal(i + 1, lines[i].GetProperty("line").GetInt32());
                }
                else
                {
                    Assert.EndsWith($" {i}", lines[i].GetProperty("sentences")[0].GetProperty("text").GetString());
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_input_file_is_one_error_line_and_exit_code_1()
    {
        var run = CliRun.Of(["explain", "--input", "/no/such/file.txt"]);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("moviegpt explain:", run.Error);
    }

    [Fact]
    public void Words_past_max_words_have_no_contribution_field()
    {
        var run = CliRun.Of(["explain", "--max-words", "2"], "하나 둘 셋 넷\n");
        var tokens = JsonDocument.Parse(run.OutputLines[0]).RootElement.GetProperty("tokens").EnumerateArray().ToList();
        Assert.True(tokens[1].TryGetProperty("contribution", out _));
        Assert.False(tokens[2].TryGetProperty("contribution", out _));
    }
}

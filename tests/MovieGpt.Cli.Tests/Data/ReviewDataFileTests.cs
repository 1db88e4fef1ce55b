using MovieGpt.Cli.Data;
using MovieGpt.Cli.Tests.Support;

namespace MovieGpt.Cli.Tests.Data;

public sealed class ReviewDataFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("reviews.tsv")]
    [InlineData("reviews.tsv.gz")]
    public void A_rating_header_is_read_as_the_rating_format_with_ratings_and_three_classes(string name)
    {
        var path = _temp.WriteRatings(name, (3, "별로"), (7, "그럭저럭"), (10, "최고"));

        var file = ReviewDataFile.Open(path);
        var reviews = file.Read().ToList();

        Assert.Equal(ReviewDataFormat.Rating, file.Format);
        Assert.True(file.HasRatings);
        Assert.Equal(["별로", "그럭저럭", "최고"], reviews.Select(r => r.Text));
        Assert.Equal([3, 7, 10], reviews.Select(r => r.Rating!.Value));
        Assert.Equal([0, 1, 2], reviews.Select(r => r.ThreeClass));
        Assert.Equal([0, -1, 1], reviews.Select(r => r.Binary));
    }

    [Theory]
    [InlineData("nsmc.tsv")]
    [InlineData("nsmc.tsv.gz")]
    public void An_nsmc_header_is_read_as_the_nsmc_format_with_binary_labels_only(string name)
    {
        var path = _temp.WriteNsmc(name, (0, "지루하다"), (1, "감동적"));

        var file = ReviewDataFile.Open(path);
        var reviews = file.Read().ToList();

        Assert.Equal(ReviewDataFormat.Nsmc, file.Format);
        Assert.False(file.HasRatings);
        Assert.Equal(["지루하다", "감동적"], reviews.Select(r => r.Text));
        Assert.All(reviews, r => Assert.Null(r.Rating));
        Assert.Equal([0, 1], reviews.Select(r => r.Binary));
    }

    [Fact]
    public void An_nsmc_row_with_an_empty_document_is_read_as_empty_text()
    {
        var path = _temp.Write("nsmc.tsv", TempFolder.NsmcHeader, "1\t\t0", "2\t좋아요\t1");

        var reviews = ReviewDataFile.Open(path).Read().ToList();

        Assert.Equal(["", "좋아요"], reviews.Select(r => r.Text));
    }

    [Theory]
    [InlineData("bad.tsv")]
    [InlineData("bad.tsv.gz")]
    public void An_unknown_header_is_rejected_naming_both_expected_formats(string name)
    {
        var path = _temp.Write(name, "id\tcomment\tstars", "1\t좋다\t5");

        var error = Assert.Throws<InvalidDataException>(() => ReviewDataFile.Open(path));

        Assert.Contains("id\tcomment\tstars", error.Message);
        Assert.Contains("rating format", error.Message);
        Assert.Contains("NSMC format", error.Message);
    }

    [Fact]
    public void A_rating_outside_one_to_ten_is_an_error_naming_the_line()
    {
        var path = _temp.Write("ratings.tsv", TempFolder.RatingHeader, "1\t2\t9\td\ta\t좋다", "2\t2\t11\td\ta\t좋다");

        var error = Assert.Throws<InvalidDataException>(() => ReviewDataFile.Open(path).Read().ToList());

        Assert.Contains(":3:", error.Message);
        Assert.Contains("11", error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        var path = Path.Combine(_temp.Path, "absent.tsv.gz");

        var error = Assert.Throws<FileNotFoundException>(() => ReviewDataFile.Open(path));

        Assert.Contains("absent.tsv.gz", error.Message);
    }
}

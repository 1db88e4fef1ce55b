using MovieGpt.Sentiment.Transformers;

namespace MovieGpt.Sentiment.Tests.Transformers;

/// <summary>
/// The encoder on the real 50K Korean vocabulary. Expected ids are looked up in vocab.txt by piece (the
/// pieces were checked against a reference implementation of Hugging Face's BertTokenizer).
/// </summary>
public sealed class WordPieceEncoderTests
{
    private static readonly int Cls = SharedTokenizer.Id("[CLS]");
    private static readonly int Sep = SharedTokenizer.Id("[SEP]");

    private static WordPieceEncoder Encoder(int maxTokens = 512, int maxCharacters = 10_000, bool fromTokenizerJson = false)
    {
        var dir = SharedTokenizer.Directory;
        var files = new TransformerModelFiles(dir, Path.Combine(dir, "config.json"), Model: "",
            VocabTxt: fromTokenizerJson ? null : SharedTokenizer.VocabFile,
            TokenizerJson: fromTokenizerJson ? Path.Combine(dir, "tokenizer.json") : null,
            TokenizerConfig: Path.Combine(dir, "tokenizer_config.json"));
        return WordPieceEncoder.Load(files, TokenizerSettings.Read(files), maxTokens, maxCharacters);
    }

    private static int[] Wrapped(params string[] pieces) => [Cls, .. SharedTokenizer.Ids(pieces), Sep];

    [Fact]
    public void ClsAndSepAreTheVocabularyLinesOfTheSpecialTokens()
    {
        var ids = Encoder().Encode("영화");
        Assert.Equal([2, SharedTokenizer.Id("영화"), 3], ids);
    }

    [Fact]
    public void APlainReviewIsClsItsWordPiecesAndSep()
    {
        Assert.Equal(Wrapped("이", "영화", "정말", "재미있", "##어요"), Encoder().Encode("이 영화 정말 재미있어요"));
    }

    [Fact]
    public void WordsSplitIntoContinuationPiecesAndTrailingJamoStaysAttached()
    {
        Assert.Equal(Wrapped("배우", "##들의", "연기", "##가", "너무", "어색", "##했다", "##ㅠㅠ"),
            Encoder().Encode("배우들의 연기가 너무 어색했다ㅠㅠ"));
    }

    [Fact]
    public void TildesCaretsAndSlashesAreKeptAsPunctuationTokens()
    {
        Assert.Equal(Wrapped("좋", "~", "아", "^", "^", "10", "/", "10"), Encoder().Encode("좋~아^^ 10/10"));
    }

    [Fact]
    public void EmojiAndHeartsAreLookedUpInTheVocabularyNotDropped()
    {
        var encoder = Encoder();
        Assert.Equal(Wrapped("최고", "!", "!", "!", "ㅋㅋㅋ", "😍"), encoder.Encode("최고!!! ㅋㅋㅋ 😍"));
        Assert.Equal(Wrapped("♥", "##♥", "또", "보고", "싶다"), encoder.Encode("♥♥ 또 보고 싶다"));
    }

    [Fact]
    public void HanjaIsSplitPerCharacterAndLatinKeepsItsCase()
    {
        Assert.Equal(Wrapped("名", "作", "CGV", "Good"), Encoder().Encode("名作 CGV Good"));
    }

    [Fact]
    public void ANewlineSeparatesWordsLikeASpace()
    {
        Assert.Equal(Wrapped("좋아", "최고"), Encoder().Encode("좋아\n최고"));
    }

    [Fact]
    public void InvisibleFormatCharactersAndLoneSurrogatesAreDropped()
    {
        var encoder = Encoder();
        Assert.Equal(Wrapped("최고다"), encoder.Encode("최고\u200B다"));
        Assert.Equal(Wrapped("최고"), encoder.Encode("최고\uD800"));
    }

    [Fact]
    public void AWordTheVocabularyCannotCoverIsUnknown()
    {
        Assert.Equal(Wrapped("[UNK]", "좋다"), Encoder().Encode("ｆｕｌｌ 좋다"));
    }

    [Fact]
    public void ALongReviewIsCutTo512TokensKeepingItsHeadAndEndingWithSep()
    {
        string[] sentence = ["이", "영화", "정말", "재미있", "##어요"];
        var ids = Encoder().Encode(string.Concat(Enumerable.Repeat("이 영화 정말 재미있어요 ", 200)));

        Assert.Equal(512, ids.Length);
        var expectedPieces = Enumerable.Repeat(sentence, 200).SelectMany(s => s).Take(510).ToArray();
        Assert.Equal(Wrapped(expectedPieces), ids);
    }

    [Fact]
    public void ASmallerModelLimitShortensRows()
    {
        var ids = Encoder(maxTokens: 8).Encode("이 영화 정말 재미있어요 이 영화 정말 재미있어요");
        Assert.Equal(Wrapped("이", "영화", "정말", "재미있", "##어요", "이"), ids);
    }

    [Fact]
    public void TextBeyondMaxCharactersIsCutBeforeTokenization()
    {
        // 40 × "최고 " is 120 characters: the first 100 are 33 whole words and the "최" of the 34th.
        var ids = Encoder(maxCharacters: 100).Encode(string.Concat(Enumerable.Repeat("최고 ", 40)) + "최악의");
        Assert.Equal(Wrapped([.. Enumerable.Repeat("최고", 33), "최"]), ids);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n ")]
    public void AnEmptyOrWhitespaceReviewIsAnArgumentError(string text)
    {
        Assert.Throws<ArgumentException>(() => Encoder().Encode(text));
    }

    [Fact]
    public void ABatchIsPaddedToItsLongestRowWithMaskZeroAndTypeIdsZero()
    {
        var batch = Encoder().EncodeBatch(["최고", "이 영화 정말 재미있어요"]);

        Assert.Equal((2, 7), (batch.Rows, batch.Width));
        var pad = SharedTokenizer.Id("[PAD]");
        long[] first = [Cls, SharedTokenizer.Id("최고"), Sep, pad, pad, pad, pad];
        Assert.Equal([.. first, .. Wrapped("이", "영화", "정말", "재미있", "##어요").Select(i => (long)i)], batch.InputIds);
        Assert.Equal([1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1], batch.AttentionMask);
        Assert.All(batch.TokenTypeIds, t => Assert.Equal(0, t));
        Assert.Equal(14, batch.TokenTypeIds.Length);
    }

    [Fact]
    public void TheVocabularySizeIsTheNumberOfLinesOfVocabTxtOrEntriesOfTokenizerJson()
    {
        Assert.Equal(File.ReadLines(SharedTokenizer.VocabFile).Count(), Encoder().VocabularySize);
        Assert.Equal(Encoder().VocabularySize, Encoder(fromTokenizerJson: true).VocabularySize);
    }

    [Fact]
    public void TokenizerJsonAloneGivesTheSameIdsAsVocabTxt()
    {
        string[] reviews = ["이 영화 정말 재미있어요", "배우들의 연기가 너무 어색했다ㅠㅠ", "최고!!! ㅋㅋㅋ 😍", "名作 CGV Good"];
        var fromVocab = Encoder();
        var fromJson = Encoder(fromTokenizerJson: true);
        Assert.All(reviews, review => Assert.Equal(fromVocab.Encode(review), fromJson.Encode(review)));
    }
}

using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace MovieGpt.Sentiment.Transformers;

/// <summary>
/// Review text → <c>[CLS] pieces… [SEP]</c> ids with Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/>
/// (WordPiece, greedy longest match, "##" continuations), fed by Hugging Face–faithful
/// <see cref="BertTextNormalizer"/> and <see cref="BertPunctuationPreTokenizer"/>.
/// Long input is cut twice, deliberately: first to <c>maxCharacters</c> characters (bounds tokenization
/// cost; never inside a surrogate pair), then the pieces to <c>maxTokens − 2</c> so that with [CLS] and
/// [SEP] a row has at most <c>maxTokens</c> ids: the head of the review is kept, like Hugging Face's
/// right-side truncation. Thread-safe: the tokenizer holds no per-call state.
/// </summary>
public sealed class WordPieceEncoder
{
    private readonly BertTokenizer _tokenizer;
    private readonly int _maxCharacters;

    private WordPieceEncoder(BertTokenizer tokenizer, int vocabularySize, int maxTokens, int maxCharacters)
    {
        _tokenizer = tokenizer;
        VocabularySize = vocabularySize;
        MaxTokens = maxTokens;
        _maxCharacters = maxCharacters;
    }

    /// <summary>How many pieces the vocabulary has: ids run from 0 to VocabularySize − 1.</summary>
    public int VocabularySize { get; }

    /// <summary>The most ids in one row, [CLS] and [SEP] included.</summary>
    public int MaxTokens { get; }

    public int PaddingId => _tokenizer.PaddingTokenId;

    public static WordPieceEncoder Load(TransformerModelFiles files, TokenizerSettings settings, int maxTokens, int maxCharacters)
    {
        if (maxTokens < 3)
        {
            throw new SentimentModelException($"{files.Config}: a row of {maxTokens} tokens cannot hold [CLS], a piece and [SEP].");
        }
        var source = files.VocabTxt ?? files.TokenizerJson!;
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = settings.LowerCase,
            RemoveNonSpacingMarks = settings.StripAccents,
            IndividuallyTokenizeCjk = settings.SeparateCjk,
            Normalizer = new BertTextNormalizer(settings.LowerCase, settings.StripAccents, settings.SeparateCjk),
            PreTokenizer = new BertPunctuationPreTokenizer(),
            UnknownToken = settings.UnknownToken,
            ClassificationToken = settings.ClassificationToken,
            SeparatorToken = settings.SeparatorToken,
            PaddingToken = settings.PaddingToken,
            MaskingToken = settings.MaskingToken,
            ContinuingSubwordPrefix = settings.ContinuingSubwordPrefix,
            MaxInputCharsPerWord = settings.MaxInputCharsPerWord,
        };
        try
        {
            var vocabulary = files.VocabTxt is not null ? File.ReadAllBytes(files.VocabTxt) : VocabularyFromTokenizerJson(source);
            using var stream = new MemoryStream(vocabulary, writable: false);
            return new WordPieceEncoder(BertTokenizer.Create(stream, options), CountLines(vocabulary), maxTokens, maxCharacters);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IOException or JsonException)
        {
            throw new SentimentModelException($"{source} is not a usable WordPiece vocabulary: {e.Message}", e);
        }
    }

    /// <summary>The ids of one review: [CLS], its pieces (truncated), [SEP].</summary>
    /// <exception cref="ArgumentException">The text is null, empty or whitespace only.</exception>
    public int[] Encode(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("A review must have some text: it is empty or whitespace only.", nameof(text));
        }
        var pieces = _tokenizer.EncodeToIds(CapCharacters(text), addSpecialTokens: false);
        var kept = Math.Min(pieces.Count, MaxTokens - 2);
        var ids = new int[kept + 2];
        ids[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < kept; i++)
        {
            ids[i + 1] = pieces[i];
        }
        ids[^1] = _tokenizer.SeparatorTokenId;
        return ids;
    }

    public EncodedBatch EncodeBatch(IReadOnlyList<string> texts) => EncodedBatch.Pad([.. texts.Select(Encode)], PaddingId);

    private string CapCharacters(string text)
    {
        if (text.Length <= _maxCharacters)
        {
            return text;
        }
        var length = char.IsHighSurrogate(text[_maxCharacters - 1]) ? _maxCharacters - 1 : _maxCharacters;
        return text[..length];
    }

    private static int CountLines(ReadOnlySpan<byte> text) =>
        text.Count((byte)'\n') + (text.Length > 0 && text[^1] != (byte)'\n' ? 1 : 0);

    /// <summary>A vocab.txt (one token a line, line number = id) rebuilt from tokenizer.json's WordPiece model.</summary>
    private static byte[] VocabularyFromTokenizerJson(string file)
    {
        var model = ModelFolderJson.ReadOptional(file).Property("model");
        if (model.String("type") is not "WordPiece" || model.Property("vocab") is not { ValueKind: JsonValueKind.Object } vocab)
        {
            throw new SentimentModelException($"{file} has no WordPiece model with a vocabulary (model.type is '{model.String("type")}').");
        }
        var tokens = new string?[vocab.EnumerateObject().Count()];
        foreach (var entry in vocab.EnumerateObject())
        {
            var id = entry.Value.TryGetInt32(out var value) ? value : -1;
            if (id < 0 || id >= tokens.Length || tokens[id] is not null || entry.Name.Contains('\n'))
            {
                throw new SentimentModelException($"{file}: the vocabulary entry '{entry.Name}' → {entry.Value} breaks the 0…{tokens.Length - 1} id sequence.");
            }
            tokens[id] = entry.Name;
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', tokens) + "\n");
    }
}

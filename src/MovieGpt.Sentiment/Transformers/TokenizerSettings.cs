using System.Text.Json;

namespace MovieGpt.Sentiment.Transformers;

/// <summary>
/// How the export's tokenizer was configured. tokenizer_config.json wins (it is what
/// <c>BertTokenizer.from_pretrained</c> reads), then the normalizer and model sections of tokenizer.json,
/// then Hugging Face's BertTokenizer defaults (do_lower_case true, tokenize_chinese_chars true,
/// strip_accents following do_lower_case).
/// </summary>
public sealed record TokenizerSettings(
    bool LowerCase,
    bool StripAccents,
    bool SeparateCjk,
    string UnknownToken,
    string ClassificationToken,
    string SeparatorToken,
    string PaddingToken,
    string MaskingToken,
    string ContinuingSubwordPrefix,
    int MaxInputCharsPerWord,
    int? ModelMaxLength)
{
    public static TokenizerSettings Read(TransformerModelFiles files)
    {
        var config = ModelFolderJson.ReadOptional(files.TokenizerConfig);
        var tokenizerJson = files.TokenizerJson is null ? null : ModelFolderJson.ReadOptional(files.TokenizerJson);
        var normalizer = tokenizerJson.Property("normalizer");
        var model = tokenizerJson.Property("model");
        var lowerCase = config.Boolean("do_lower_case") ?? normalizer.Boolean("lowercase") ?? true;
        return new TokenizerSettings(
            LowerCase: lowerCase,
            StripAccents: config.Boolean("strip_accents") ?? normalizer.Boolean("strip_accents") ?? lowerCase,
            SeparateCjk: config.Boolean("tokenize_chinese_chars") ?? normalizer.Boolean("handle_chinese_chars") ?? true,
            UnknownToken: Token(config, "unk_token") ?? model.String("unk_token") ?? "[UNK]",
            ClassificationToken: Token(config, "cls_token") ?? "[CLS]",
            SeparatorToken: Token(config, "sep_token") ?? "[SEP]",
            PaddingToken: Token(config, "pad_token") ?? "[PAD]",
            MaskingToken: Token(config, "mask_token") ?? "[MASK]",
            ContinuingSubwordPrefix: model.String("continuing_subword_prefix") ?? "##",
            MaxInputCharsPerWord: model.PositiveInt("max_input_chars_per_word") ?? 100,
            ModelMaxLength: config.PositiveInt("model_max_length"));
    }

    /// <summary>Special tokens are plain strings in current files and {"content": …} objects in older ones.</summary>
    private static string? Token(JsonElement? config, string name) =>
        config.String(name) ?? config.Property(name).String("content");
}

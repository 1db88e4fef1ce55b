using Microsoft.ML.OnnxRuntime;

namespace MovieGpt.Sentiment.Transformers;

/// <summary>
/// What an exported sequence classifier must look like: int64 [batch, seq] inputs <c>input_ids</c> and
/// <c>attention_mask</c>, optionally <c>token_type_ids</c> (BERT and ELECTRA have it; RoBERTa-style exports
/// do not), nothing else; and a float [batch, labels] output <c>logits</c>.
/// </summary>
public static class TransformerGraphContract
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";
    public const string Logits = "logits";

    /// <summary>Checks the graph; returns whether it takes token_type_ids.</summary>
    public static bool Check(InferenceSession session, string file, int labelCount)
    {
        var inputs = session.InputMetadata;
        foreach (var required in new[] { InputIds, AttentionMask })
        {
            if (!inputs.ContainsKey(required))
            {
                throw new SentimentModelException(
                    $"{file} has no input '{required}' (inputs: {string.Join(", ", inputs.Keys)}; expected {InputIds}, {AttentionMask} and optionally {TokenTypeIds}).");
            }
        }
        foreach (var (name, metadata) in inputs)
        {
            if (name is not (InputIds or AttentionMask or TokenTypeIds))
            {
                throw new SentimentModelException(
                    $"{file} has an input '{name}' this loader cannot feed (it feeds {InputIds}, {AttentionMask}, {TokenTypeIds}).");
            }
            if (!metadata.IsTensor || metadata.ElementType != typeof(long) || metadata.Dimensions.Length != 2)
            {
                throw new SentimentModelException(
                    $"{file}: input '{name}' is {Describe(metadata)}, expected int64 [batch, sequence].");
            }
        }
        if (!session.OutputMetadata.TryGetValue(Logits, out var logits))
        {
            throw new SentimentModelException(
                $"{file} has no output '{Logits}' (outputs: {string.Join(", ", session.OutputMetadata.Keys)}).");
        }
        if (!logits.IsTensor || logits.ElementType != typeof(float) || logits.Dimensions.Length != 2
            || logits.Dimensions[1] is var width && width > 0 && width != labelCount)
        {
            throw new SentimentModelException(
                $"{file}: output '{Logits}' is {Describe(logits)}, expected float [batch, {labelCount}] for the {labelCount} labels of config.json.");
        }
        return inputs.ContainsKey(TokenTypeIds);
    }

    private static string Describe(NodeMetadata metadata) =>
        metadata.IsTensor
            ? $"{metadata.ElementDataType} [{string.Join(", ", metadata.Dimensions.Select((d, i) => d > 0 ? d.ToString() : metadata.SymbolicDimensions[i] is { Length: > 0 } s ? s : "?"))}]"
            : metadata.OnnxValueType.ToString();
}

using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using MovieGpt.Sentiment.Text;

namespace MovieGpt.Sentiment.Onnx;

/// <summary>
/// The inputs of our ONNX graph, by name (the trainer writes graphs with these names) and as tensors built from
/// normalized review rows for <see cref="OnnxSentimentAnalyzer"/>.
/// </summary>
public static class OnnxGraphInputs
{
    /// <summary>Graph input of the character CNN: character ids, int64 [batch, length].</summary>
    public const string CharsInput = "chars";

    /// <summary>Graph input of the character CNN: 0 where a window of width <paramref name="width"/> lies inside the review, −1e9 past its end.</summary>
    public static string CharMaskInput(int width) => $"char_mask_{width}";

    /// <summary>Graph input of member <paramref name="member"/>'s feature ids, int64 [batch, n].</summary>
    public static string IdsInput(int member) => $"ids_{member}";

    /// <summary>Graph input of member <paramref name="member"/>'s feature weights (1/n, 0 for padding), float [batch, n].</summary>
    public static string WeightsInput(int member) => $"weights_{member}";

    /// <summary>ids and weights [batch, widest row]; padding points at bucket 0 with weight 0, so it adds nothing to the mean.</summary>
    internal static OrtValue[] FeatureTensors(HashingFeaturizer featurizer, string[] normalized)
    {
        // Every review's ids in one list, with where each ends: no array per review.
        var all = new List<int>(normalized.Length * 256);
        var ends = new int[normalized.Length];
        var width = 1;
        for (var i = 0; i < normalized.Length; i++)
        {
            var start = all.Count;
            featurizer.Featurize(normalized[i], all);
            ends[i] = all.Count;
            width = Math.Max(width, all.Count - start);
        }
        var features = CollectionsMarshal.AsSpan(all);
        var ids = new long[normalized.Length * width];
        var weights = new float[normalized.Length * width];
        for (var i = 0; i < normalized.Length; i++)
        {
            var start = i == 0 ? 0 : ends[i - 1];
            var row = features[start..ends[i]];
            var offset = i * width;
            for (var j = 0; j < row.Length; j++)
            {
                ids[offset + j] = row[j];
            }
            weights.AsSpan(offset, row.Length).Fill(FeaturizerSettings.RowWeight(row.Length));
        }
        long[] shape = [normalized.Length, width];
        return [OrtValue.CreateTensorValueFromMemory(ids, shape), OrtValue.CreateTensorValueFromMemory(weights, shape)];
    }

    /// <summary>Character ids [batch, longest] padded with the padding id, and per filter width the mask of windows inside each review.</summary>
    internal static OrtValue[] CharacterTensors(CharSequenceEncoder encoder, string[] normalized)
    {
        var lengths = Array.ConvertAll(normalized, encoder.EncodedLength);
        var width = lengths.Max();
        var ids = new long[normalized.Length * width];   // zeros: the padding id
        for (var i = 0; i < normalized.Length; i++)
        {
            encoder.Encode(normalized[i], ids.AsSpan(i * width, lengths[i]));
        }
        var values = new List<OrtValue> { OrtValue.CreateTensorValueFromMemory(ids, [normalized.Length, width]) };
        foreach (var filter in encoder.Settings.HasCnn ? encoder.Settings.Widths : [])
        {
            var windows = width - filter + 1;
            var mask = new float[normalized.Length * windows];
            for (var i = 0; i < normalized.Length; i++)
            {
                for (var p = lengths[i] - filter + 1; p < windows; p++)
                {
                    mask[i * windows + p] = -1e9f;
                }
            }
            values.Add(OrtValue.CreateTensorValueFromMemory(mask, [normalized.Length, windows]));
        }
        return [.. values];
    }

    /// <summary>The graph's inputs for <paramref name="manifest"/>'s members, in the order the tensors are built.</summary>
    internal static IEnumerable<string> Names(ModelManifest manifest)
    {
        foreach (var k in Enumerable.Range(0, manifest.Featurizers.Count))
        {
            yield return IdsInput(k);
            yield return WeightsInput(k);
        }
        if (manifest.CharCnn is { } cnn)
        {
            yield return CharsInput;
            foreach (var width in cnn.HasCnn ? cnn.Widths : [])
            {
                yield return CharMaskInput(width);
            }
        }
    }
}

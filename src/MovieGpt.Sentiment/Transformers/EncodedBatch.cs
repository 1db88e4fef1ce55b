namespace MovieGpt.Sentiment.Transformers;

/// <summary>
/// The three int64 [Rows, Width] graph inputs, row-major. Width is the longest row of this batch (dynamic
/// padding); shorter rows are padded with the [PAD] id and attention mask 0. Token type ids are all 0: a
/// review is a single segment.
/// </summary>
public sealed record EncodedBatch(int Rows, int Width, long[] InputIds, long[] AttentionMask, long[] TokenTypeIds)
{
    public long[] Shape => [Rows, Width];

    public static EncodedBatch Pad(IReadOnlyList<int[]> rows, int paddingId)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        var ids = new long[rows.Count * width];
        var mask = new long[rows.Count * width];
        Array.Fill(ids, paddingId);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            for (var j = 0; j < row.Length; j++)
            {
                ids[i * width + j] = row[j];
                mask[i * width + j] = 1;
            }
        }
        return new EncodedBatch(rows.Count, width, ids, mask, new long[rows.Count * width]);
    }
}

using static MovieGpt.Cli.Training.VectorMath;

namespace MovieGpt.Cli.Training;

/// <summary>
/// The character CNN member: character embeddings → one bank of convolution filters per width (2–5
/// characters) → ReLU and max over positions → softmax over the ten star ratings. Where the bag members
/// see which n-grams occur, this one sees short spans in order, and a telling span is never averaged away;
/// the two kinds of error differ, which is what makes the ensemble better than either.
/// </summary>
internal sealed class CharCnnNetwork
{
    public const int Classes = EmbeddingBagNetwork.Classes;

    public CharCnnNetwork(int tableRows, int dim, int channels, IReadOnlyList<int> widths, int seed)
    {
        Dim = dim;
        Channels = channels;
        Widths = [.. widths];
        var random = new Random(seed);
        Embeddings = Fill(new float[tableRows * dim], random, 0.1f);
        Filters = [.. Widths.Select(w => Fill(new float[channels * w * dim], random, MathF.Sqrt(6f / (w * dim + channels))))];
        FilterBias = [.. Widths.Select(_ => new float[channels])];
        Output = Fill(new float[Classes * Features], random, MathF.Sqrt(6f / (Features + Classes)));
        OutputBias = new float[Classes];
    }

    public int Dim { get; }

    public int Channels { get; }

    public int[] Widths { get; }

    public int Features => Widths.Length * Channels;

    public float[] Embeddings { get; }

    /// <summary>Per width w: [Channels, w × Dim], a window's characters one after another.</summary>
    public float[][] Filters { get; }

    public float[][] FilterBias { get; }

    /// <summary>[Classes, Features], row-major.</summary>
    public float[] Output { get; }

    public float[] OutputBias { get; }

    public sealed class Workspace(int maxLength, int dim, int features)
    {
        public float[] Window { get; } = new float[maxLength * dim];
        public float[] WindowGradient { get; } = new float[maxLength * dim];
        public float[] Pooled { get; } = new float[features];
        public int[] PooledAt { get; } = new int[features];
        public float[] PooledGradient { get; } = new float[features];
        public float[] Probabilities { get; } = new float[Classes];
        public float[] OutputGradient { get; } = new float[Classes];
    }

    public Workspace CreateWorkspace(int maxLength) => new(maxLength, Dim, Features);

    public void Forward(ReadOnlySpan<int> ids, Workspace w)
    {
        var x = w.Window.AsSpan(0, ids.Length * Dim);
        for (var p = 0; p < ids.Length; p++)
        {
            Embeddings.AsSpan(ids[p] * Dim, Dim).CopyTo(x.Slice(p * Dim, Dim));
        }
        for (var f = 0; f < Widths.Length; f++)
        {
            var span = Widths[f] * Dim;
            for (var c = 0; c < Channels; c++)
            {
                // ReLU then max over positions = max(0, best window); a review shorter than the filter gives 0.
                var best = 0f;
                var at = -1;
                var filter = Filters[f].AsSpan(c * span, span);
                for (var p = 0; p + Widths[f] <= ids.Length; p++)
                {
                    var value = FilterBias[f][c] + Dot(filter, x.Slice(p * Dim, span));
                    if (value > best)
                    {
                        best = value;
                        at = p;
                    }
                }
                w.Pooled[f * Channels + c] = best;
                w.PooledAt[f * Channels + c] = at;
            }
        }
        var top = float.NegativeInfinity;
        for (var k = 0; k < Classes; k++)
        {
            w.Probabilities[k] = OutputBias[k] + Dot(Output.AsSpan(k * Features, Features), w.Pooled);
            top = MathF.Max(top, w.Probabilities[k]);
        }
        var sum = 0f;
        for (var k = 0; k < Classes; k++)
        {
            sum += w.Probabilities[k] = MathF.Exp(w.Probabilities[k] - top);
        }
        for (var k = 0; k < Classes; k++)
        {
            w.Probabilities[k] /= sum;
        }
    }

    /// <summary>One SGD step toward <paramref name="target"/>; only the winning window of each filter learns.</summary>
    public float Step(ReadOnlySpan<int> ids, ReadOnlySpan<float> target, float rate, Workspace w)
    {
        Forward(ids, w);
        var loss = 0f;
        for (var k = 0; k < Classes; k++)
        {
            w.OutputGradient[k] = w.Probabilities[k] - target[k];
            if (target[k] > 0)
            {
                loss -= target[k] * MathF.Log(MathF.Max(w.Probabilities[k], 1e-12f));
            }
        }
        Array.Clear(w.PooledGradient);
        for (var k = 0; k < Classes; k++)
        {
            var row = Output.AsSpan(k * Features, Features);
            AddScaled(w.PooledGradient, row, w.OutputGradient[k]);
            AddScaled(row, w.Pooled, -rate * w.OutputGradient[k]);
            OutputBias[k] -= rate * w.OutputGradient[k];
        }
        var x = w.Window.AsSpan(0, ids.Length * Dim);
        var gx = w.WindowGradient.AsSpan(0, ids.Length * Dim);
        gx.Clear();
        for (var f = 0; f < Widths.Length; f++)
        {
            var span = Widths[f] * Dim;
            for (var c = 0; c < Channels; c++)
            {
                var at = w.PooledAt[f * Channels + c];
                if (at < 0)
                {
                    continue;
                }
                var g = w.PooledGradient[f * Channels + c];
                var filter = Filters[f].AsSpan(c * span, span);
                AddScaled(gx.Slice(at * Dim, span), filter, g);
                AddScaled(filter, x.Slice(at * Dim, span), -rate * g);
                FilterBias[f][c] -= rate * g;
            }
        }
        for (var p = 0; p < ids.Length; p++)
        {
            AddScaled(Embeddings.AsSpan(ids[p] * Dim, Dim), gx.Slice(p * Dim, Dim), -rate);
        }
        return loss;
    }

    private static float[] Fill(float[] values, Random random, float range)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextSingle() * 2 - 1) * range;
        }
        return values;
    }
}

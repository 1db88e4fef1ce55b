using static MovieGpt.Cli.Training.VectorMath;

namespace MovieGpt.Cli.Training;

/// <summary>
/// The character CNN member: character embeddings → one bank of convolution filters per width (2–5
/// characters) → ReLU and max over positions → optionally a ReLU hidden layer → softmax over the ten star
/// ratings. Where the bag members see which n-grams occur, this one sees short spans in order, and a telling
/// span is never averaged away; the two kinds of error differ, which is what makes the ensemble better than
/// either.
/// </summary>
internal sealed class CharCnnNetwork
{
    public const int Classes = EmbeddingBagNetwork.Classes;

    public CharCnnNetwork(int tableRows, int dim, int channels, IReadOnlyList<int> widths, int seed, int hidden = 0)
    {
        Dim = dim;
        Channels = channels;
        Widths = [.. widths];
        Hidden = hidden;
        var random = new Random(seed);
        Embeddings = FillUniform(new float[tableRows * dim], random, 0.1f);
        Filters = [.. Widths.Select(w => FillUniform(new float[channels * w * dim], random, MathF.Sqrt(6f / (w * dim + channels))))];
        FilterBias = [.. Widths.Select(_ => new float[channels])];
        W1 = FillUniform(new float[hidden * Features], random, MathF.Sqrt(6f / (Features + hidden)));
        B1 = new float[hidden];
        B1.AsSpan().Fill(0.01f);
        Output = FillUniform(new float[Classes * HeadInputs], random, MathF.Sqrt(6f / (HeadInputs + Classes)));
        OutputBias = new float[Classes];
    }

    public int Dim { get; }

    public int Channels { get; }

    public int[] Widths { get; }

    /// <summary>Width of the hidden layer between the pooled filters and the output; 0 = none.</summary>
    public int Hidden { get; }

    public int Features => Widths.Length * Channels;

    /// <summary>What the output layer reads: the hidden layer if there is one, else the pooled filters.</summary>
    public int HeadInputs => Hidden > 0 ? Hidden : Features;

    public float[] Embeddings { get; }

    /// <summary>Per width w: [Channels, w × Dim], a window's characters one after another.</summary>
    public float[][] Filters { get; }

    public float[][] FilterBias { get; }

    /// <summary>[Hidden, Features], row-major (empty without a hidden layer).</summary>
    public float[] W1 { get; }

    public float[] B1 { get; }

    /// <summary>[Classes, HeadInputs], row-major.</summary>
    public float[] Output { get; }

    public float[] OutputBias { get; }

    public sealed class Workspace(int maxLength, int dim, int features, int hidden, int seed)
    {
        public float[] Window { get; } = new float[maxLength * dim];
        public float[] WindowGradient { get; } = new float[maxLength * dim];
        public float[] Pooled { get; } = new float[features];
        public int[] PooledAt { get; } = new int[features];
        public float[] PooledGradient { get; } = new float[features];
        public float[] HiddenValues { get; } = new float[hidden];
        public float[] HiddenGradient { get; } = new float[hidden];
        public float[] Probabilities { get; } = new float[Classes];
        public float[] OutputGradient { get; } = new float[Classes];
        public Random Random { get; } = new(seed);
    }

    public Workspace CreateWorkspace(int maxLength, int seed = 0) => new(maxLength, Dim, Features, Hidden, seed);

    public void Forward(ReadOnlySpan<int> ids, Workspace w) => Forward(ids, w, dropout: 0);

    /// <summary>
    /// Fills the workspace's probabilities. With <paramref name="dropout"/> &gt; 0 (training), that share of the
    /// pooled filters is zeroed and the rest scaled up, so the head cannot lean on a few filters.
    /// </summary>
    private void Forward(ReadOnlySpan<int> ids, Workspace w, float dropout)
    {
        var x = w.Window.AsSpan(0, ids.Length * Dim);
        for (var p = 0; p < ids.Length; p++)
        {
            Embeddings.AsSpan(ids[p] * Dim, Dim).CopyTo(x.Slice(p * Dim, Dim));
        }
        var keep = 1f / (1f - dropout);
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
                if (dropout > 0)
                {
                    // A dropped filter passes no gradient either: at = -1 skips it in the backward pass.
                    (best, at) = w.Random.NextSingle() < dropout ? (0f, -1) : (best * keep, at);
                }
                w.Pooled[f * Channels + c] = best;
                w.PooledAt[f * Channels + c] = at;
            }
        }
        ReadOnlySpan<float> head = w.Pooled;
        if (Hidden > 0)
        {
            for (var j = 0; j < Hidden; j++)
            {
                w.HiddenValues[j] = MathF.Max(0, B1[j] + Dot(W1.AsSpan(j * Features, Features), w.Pooled));
            }
            head = w.HiddenValues;
        }
        for (var k = 0; k < Classes; k++)
        {
            w.Probabilities[k] = OutputBias[k] + Dot(Output.AsSpan(k * HeadInputs, HeadInputs), head);
        }
        Softmax(w.Probabilities);
    }

    /// <summary>One SGD step toward <paramref name="target"/>; only the winning window of each filter learns.</summary>
    public float Step(ReadOnlySpan<int> ids, ReadOnlySpan<float> target, float rate, Workspace w, float dropout = 0)
    {
        Forward(ids, w, dropout);
        var loss = CrossEntropy(w.Probabilities, target, w.OutputGradient);
        BackwardHead(w, rate);
        var x = w.Window.AsSpan(0, ids.Length * Dim);
        var gx = w.WindowGradient.AsSpan(0, ids.Length * Dim);
        gx.Clear();
        var keep = 1f / (1f - dropout);
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
                var g = w.PooledGradient[f * Channels + c] * keep;
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

    /// <summary>Output layer (and hidden layer, if any): updates them and leaves the gradient of the pooled filters.</summary>
    private void BackwardHead(Workspace w, float rate)
    {
        Array.Clear(w.PooledGradient);
        var headGradient = Hidden > 0 ? w.HiddenGradient : w.PooledGradient;
        ReadOnlySpan<float> head = Hidden > 0 ? w.HiddenValues : w.Pooled;
        if (Hidden > 0)
        {
            Array.Clear(w.HiddenGradient);
        }
        for (var k = 0; k < Classes; k++)
        {
            var row = Output.AsSpan(k * HeadInputs, HeadInputs);
            AddScaled(headGradient, row, w.OutputGradient[k]);
            AddScaled(row, head, -rate * w.OutputGradient[k]);
            OutputBias[k] -= rate * w.OutputGradient[k];
        }
        for (var j = 0; j < Hidden; j++)
        {
            if (w.HiddenValues[j] <= 0)
            {
                continue;
            }
            var g = w.HiddenGradient[j];
            var row = W1.AsSpan(j * Features, Features);
            AddScaled(w.PooledGradient, row, g);
            AddScaled(row, w.Pooled, -rate * g);
            B1[j] -= rate * g;
        }
    }
}

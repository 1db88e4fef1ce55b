using System.Numerics;
using System.Runtime.InteropServices;

namespace MovieGpt.Cli.Training;

/// <summary>
/// The network the trainer fits: mean of embedding rows (one per hashed n-gram) → ReLU hidden layer →
/// softmax over the ten star ratings. Parameters are plain arrays so that training threads can update
/// them lock-free (Hogwild: updates are sparse and collisions rare), and so the ONNX writer can copy them.
/// With no hidden layer the mean row is the logits themselves: a multinomial logistic regression over the
/// hashed n-grams, the classic strong baseline, which the ensemble averages with the MLP members.
/// </summary>
internal sealed class EmbeddingBagNetwork
{
    public const int Classes = 10;

    // Row-wise AdaGrad state: the summed squared gradient of each embedding row. Rare n-grams keep large
    // steps while frequent ones settle; null means plain SGD.
    private readonly float[]? _rowHistory;
    private readonly float _attentionRate;

    /// <param name="attentionRate">
    /// When positive, rows are pooled by attention: each bucket learns a score and a review's rows are
    /// weighted by the softmax of their scores, so common n-grams stop diluting the telling ones.
    /// </param>
    public EmbeddingBagNetwork(int buckets, int dim, int hidden, int seed, bool adaGrad = false, float attentionRate = 0)
    {
        _rowHistory = adaGrad ? new float[buckets] : null;
        _attentionRate = attentionRate;
        Attention = attentionRate > 0 ? new float[buckets] : null;
        Buckets = buckets;
        Dim = dim;
        Hidden = hidden;
        if (hidden == 0 && dim != Classes)
        {
            throw new ArgumentException($"A linear member (no hidden layer) needs width {Classes}, not {dim}.");
        }
        Embeddings = new float[(long)buckets * dim];
        W1 = new float[hidden * dim];
        B1 = new float[hidden];
        W2 = new float[Classes * hidden];
        B2 = new float[Classes];

        var random = new Random(seed);
        Fill(Embeddings, random, 1.0f / dim);
        Fill(W1, random, MathF.Sqrt(6f / (dim + hidden)));
        Fill(W2, random, MathF.Sqrt(6f / (hidden + Classes)));
        B1.AsSpan().Fill(0.01f);
    }

    public int Buckets { get; }

    public int Dim { get; }

    public int Hidden { get; }

    public bool IsLinear => Hidden == 0;

    /// <summary>Per-bucket attention scores, or null for mean pooling.</summary>
    public float[]? Attention { get; }

    public float[] Embeddings { get; }

    /// <summary>[Hidden, Dim], row-major.</summary>
    public float[] W1 { get; }

    public float[] B1 { get; }

    /// <summary>[Classes, Hidden], row-major.</summary>
    public float[] W2 { get; }

    public float[] B2 { get; }

    /// <summary>Scratch buffers of one training thread.</summary>
    public sealed class Workspace(int dim, int hidden)
    {
        public float[] Bag { get; } = new float[dim];
        public float[] Hidden { get; } = new float[hidden];
        public float[] Probabilities { get; } = new float[Classes];
        public float[] BagGradient { get; } = new float[dim];
        public float[] HiddenGradient { get; } = new float[hidden];

        /// <summary>The weight of each row of the current review (attention pooling).</summary>
        public float[] RowWeights { get; set; } = new float[512];
    }

    public Workspace CreateWorkspace() => new(Dim, Hidden);

    /// <summary>Fills <see cref="Workspace.Probabilities"/> with the rating distribution of one review.</summary>
    public void Forward(ReadOnlySpan<int> ids, float rowWeight, Workspace w)
    {
        var bag = w.Bag.AsSpan();
        bag.Clear();
        if (Attention is { } attention)
        {
            if (w.RowWeights.Length < ids.Length)
            {
                w.RowWeights = new float[ids.Length * 2];
            }
            var top = float.NegativeInfinity;
            foreach (var id in ids)
            {
                top = MathF.Max(top, attention[id]);
            }
            var total = 0f;
            for (var i = 0; i < ids.Length; i++)
            {
                total += w.RowWeights[i] = MathF.Exp(attention[ids[i]] - top);
            }
            for (var i = 0; i < ids.Length; i++)
            {
                w.RowWeights[i] /= total;
                AddScaled(bag, Row(ids[i]), w.RowWeights[i]);
            }
        }
        else
        {
            foreach (var id in ids)
            {
                AddScaled(bag, Row(id), rowWeight);
            }
        }
        for (var j = 0; j < Hidden; j++)
        {
            var a = B1[j] + Dot(W1.AsSpan(j * Dim, Dim), bag);
            w.Hidden[j] = a > 0 ? a : 0;
        }
        var max = float.NegativeInfinity;
        for (var c = 0; c < Classes; c++)
        {
            var z = B2[c] + (IsLinear ? bag[c] : Dot(W2.AsSpan(c * Hidden, Hidden), w.Hidden));
            w.Probabilities[c] = z;
            max = MathF.Max(max, z);
        }
        var sum = 0f;
        for (var c = 0; c < Classes; c++)
        {
            w.Probabilities[c] = MathF.Exp(w.Probabilities[c] - max);
            sum += w.Probabilities[c];
        }
        for (var c = 0; c < Classes; c++)
        {
            w.Probabilities[c] /= sum;
        }
    }

    /// <summary>One SGD step on one review toward <paramref name="target"/> (a distribution over ratings); returns the loss.</summary>
    public float Step(ReadOnlySpan<int> ids, float rowWeight, ReadOnlySpan<float> target, float denseRate, float embeddingRate, Workspace w)
    {
        Forward(ids, rowWeight, w);
        var loss = 0f;
        Span<float> outputGradient = stackalloc float[Classes];
        for (var c = 0; c < Classes; c++)
        {
            outputGradient[c] = w.Probabilities[c] - target[c];
            if (target[c] > 0)
            {
                loss -= target[c] * MathF.Log(MathF.Max(w.Probabilities[c], 1e-12f));
            }
        }

        if (IsLinear)
        {
            for (var c = 0; c < Classes; c++)
            {
                B2[c] -= denseRate * outputGradient[c];
            }
            UpdateRows(ids, outputGradient, embeddingRate, rowWeight, w);
            return loss;
        }

        // Back through the output layer: the hidden gradient uses W2 before its update.
        var hiddenGradient = w.HiddenGradient.AsSpan();
        hiddenGradient.Clear();
        for (var c = 0; c < Classes; c++)
        {
            var row = W2.AsSpan(c * Hidden, Hidden);
            AddScaled(hiddenGradient, row, outputGradient[c]);
            AddScaled(row, w.Hidden, -denseRate * outputGradient[c]);
            B2[c] -= denseRate * outputGradient[c];
        }

        var bagGradient = w.BagGradient.AsSpan();
        bagGradient.Clear();
        for (var j = 0; j < Hidden; j++)
        {
            if (w.Hidden[j] <= 0)
            {
                continue;
            }
            var g = hiddenGradient[j];
            var row = W1.AsSpan(j * Dim, Dim);
            AddScaled(bagGradient, row, g);
            AddScaled(row, w.Bag, -denseRate * g);
            B1[j] -= denseRate * g;
        }

        UpdateRows(ids, bagGradient, embeddingRate, rowWeight, w);
        return loss;
    }

    private void UpdateRows(ReadOnlySpan<int> ids, ReadOnlySpan<float> gradient, float rate, float rowWeight, Workspace w)
    {
        if (Attention is { } attention)
        {
            // d bag / d score_i = weight_i × (row_i − bag): rows above the bag along the gradient lose weight.
            var bagDot = Dot(w.Bag, gradient);
            for (var i = 0; i < ids.Length; i++)
            {
                var row = Row(ids[i]);
                var weight = w.RowWeights[i];
                attention[ids[i]] -= _attentionRate * weight * (Dot(row, gradient) - bagDot);
                AddScaled(row, gradient, -rate * weight);
            }
            return;
        }
        var step = -rate * rowWeight;
        if (_rowHistory is null)
        {
            foreach (var id in ids)
            {
                AddScaled(Row(id), gradient, step);
            }
            return;
        }
        var meanSquare = rowWeight * rowWeight * Dot(gradient, gradient) / gradient.Length;
        foreach (var id in ids)
        {
            var history = _rowHistory[id] += meanSquare;
            AddScaled(Row(id), gradient, step / (MathF.Sqrt(history) + 1e-6f));
        }
    }

    private Span<float> Row(int id) => Embeddings.AsSpan((int)((long)id * Dim), Dim);

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (; i < va.Length; i++)
        {
            sum += va[i] * vb[i];
        }
        var result = Vector.Sum(sum);
        for (i *= Vector<float>.Count; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }
        return result;
    }

    private static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var vt = MemoryMarshal.Cast<float, Vector<float>>(target);
        var vs = MemoryMarshal.Cast<float, Vector<float>>(source);
        var i = 0;
        for (; i < vt.Length; i++)
        {
            vt[i] += vs[i] * scale;
        }
        for (i *= Vector<float>.Count; i < target.Length; i++)
        {
            target[i] += source[i] * scale;
        }
    }

    private static void Fill(float[] values, Random random, float range)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextSingle() * 2 - 1) * range;
        }
    }
}

using static MovieGpt.Cli.Training.VectorMath;

namespace MovieGpt.Cli.Training;

/// <summary>
/// The network the trainer fits: the mean of the embedding rows of a review's hashed n-grams → ReLU hidden
/// layer → softmax over the ten star ratings. Parameters are plain arrays so that training threads can update them lock-free (Hogwild:
/// updates are sparse and collisions rare), and so the ONNX writer can copy them. With no hidden layer the
/// mean row is the logits themselves: a multinomial logistic regression over the hashed n-grams.
/// </summary>
internal sealed class EmbeddingBagNetwork
{
    public const int Classes = 10;

    public EmbeddingBagNetwork(int buckets, int dim, int hidden, int seed)
    {
        if (hidden == 0 && dim != Classes)
        {
            throw new ArgumentException($"A linear member (no hidden layer) needs width {Classes}, not {dim}.");
        }
        Buckets = buckets;
        Dim = dim;
        Hidden = hidden;
        Embeddings = new float[(long)buckets * dim];
        W1 = new float[hidden * BagWidth];
        B1 = new float[hidden];
        W2 = new float[Classes * hidden];
        B2 = new float[Classes];

        var random = new Random(seed);
        FillUniform(Embeddings, random, 1.0f / dim);
        FillUniform(W1, random, MathF.Sqrt(6f / (BagWidth + hidden)));
        FillUniform(W2, random, MathF.Sqrt(6f / (hidden + Classes)));
        B1.AsSpan().Fill(0.01f);
    }

    public int Buckets { get; }

    public int Dim { get; }

    public int Hidden { get; }

    public bool IsLinear => Hidden == 0;

    public int BagWidth => Dim;

    public float[] Embeddings { get; }

    /// <summary>[Hidden, BagWidth], row-major.</summary>
    public float[] W1 { get; }

    public float[] B1 { get; }

    /// <summary>[Classes, Hidden], row-major.</summary>
    public float[] W2 { get; }

    public float[] B2 { get; }

    /// <summary>Scratch buffers of one training thread.</summary>
    public sealed class Workspace(int bagWidth, int hidden)
    {
        public float[] Bag { get; } = new float[bagWidth];
        public float[] Hidden { get; } = new float[hidden];
        public float[] Probabilities { get; } = new float[Classes];
        public float[] BagGradient { get; } = new float[bagWidth];
        public float[] HiddenGradient { get; } = new float[hidden];
    }

    public Workspace CreateWorkspace() => new(BagWidth, Hidden);

    /// <summary>Fills <see cref="Workspace.Probabilities"/> with the rating distribution of one review.</summary>
    public void Forward(ReadOnlySpan<int> ids, float rowWeight, Workspace w)
    {
        var bag = w.Bag.AsSpan();
        bag.Clear();
        foreach (var id in ids)
        {
            AddScaled(bag, Row(id), rowWeight);
        }
        for (var j = 0; j < Hidden; j++)
        {
            var a = B1[j] + Dot(W1.AsSpan(j * BagWidth, BagWidth), bag);
            w.Hidden[j] = a > 0 ? a : 0;
        }
        for (var c = 0; c < Classes; c++)
        {
            w.Probabilities[c] = B2[c] + (IsLinear ? bag[c] : Dot(W2.AsSpan(c * Hidden, Hidden), w.Hidden));
        }
        Softmax(w.Probabilities);
    }

    /// <summary>One SGD step on one review toward <paramref name="target"/> (a distribution over ratings); returns the loss.</summary>
    public float Step(ReadOnlySpan<int> ids, float rowWeight, ReadOnlySpan<float> target, float denseRate, float embeddingRate, Workspace w)
    {
        Forward(ids, rowWeight, w);
        Span<float> outputGradient = stackalloc float[Classes];
        var loss = CrossEntropy(w.Probabilities, target, outputGradient);

        if (IsLinear)
        {
            for (var c = 0; c < Classes; c++)
            {
                B2[c] -= denseRate * outputGradient[c];
            }
            UpdateRows(ids, outputGradient, embeddingRate * rowWeight);
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
            var row = W1.AsSpan(j * BagWidth, BagWidth);
            AddScaled(bagGradient, row, g);
            AddScaled(row, w.Bag, -denseRate * g);
            B1[j] -= denseRate * g;
        }

        UpdateRows(ids, bagGradient, embeddingRate * rowWeight);
        return loss;
    }

    private void UpdateRows(ReadOnlySpan<int> ids, ReadOnlySpan<float> gradient, float rate)
    {
        foreach (var id in ids)
        {
            AddScaled(Row(id), gradient, -rate);
        }
    }

    private Span<float> Row(int id) => Embeddings.AsSpan((int)((long)id * Dim), Dim);
}

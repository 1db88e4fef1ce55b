using System.Numerics;
using System.Runtime.InteropServices;

namespace MovieGpt.Cli.Training;

/// <summary>The vector kernels the trainer spends its time in (SIMD-wide), and the pieces every network shares.</summary>
internal static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var i = 0;
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

    /// <summary>target += source × scale.</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
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

    /// <summary>Turns logits into probabilities in place (shifted by the largest logit, so Exp never overflows).</summary>
    public static void Softmax(Span<float> values)
    {
        var top = float.NegativeInfinity;
        foreach (var v in values)
        {
            top = MathF.Max(top, v);
        }
        var sum = 0f;
        for (var k = 0; k < values.Length; k++)
        {
            sum += values[k] = MathF.Exp(values[k] - top);
        }
        for (var k = 0; k < values.Length; k++)
        {
            values[k] /= sum;
        }
    }

    /// <summary>Cross-entropy of <paramref name="probabilities"/> against <paramref name="target"/>; its gradient wrt the logits goes to <paramref name="gradient"/>.</summary>
    public static float CrossEntropy(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> target, Span<float> gradient)
    {
        var loss = 0f;
        for (var k = 0; k < probabilities.Length; k++)
        {
            gradient[k] = probabilities[k] - target[k];
            if (target[k] > 0)
            {
                loss -= target[k] * MathF.Log(MathF.Max(probabilities[k], 1e-12f));
            }
        }
        return loss;
    }

    /// <summary>Fills <paramref name="values"/> uniformly from [−range, range] and returns it.</summary>
    public static float[] FillUniform(float[] values, Random random, float range)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextSingle() * 2 - 1) * range;
        }
        return values;
    }
}

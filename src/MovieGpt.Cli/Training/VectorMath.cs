using System.Numerics;
using System.Runtime.InteropServices;

namespace MovieGpt.Cli.Training;

/// <summary>The two vector kernels the trainer spends its time in, SIMD-wide.</summary>
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
}

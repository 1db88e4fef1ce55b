using Microsoft.ML.OnnxRuntime;

namespace MovieGpt.Sentiment.Onnx;

/// <summary>Opens ONNX graphs with the engine's settings and turns ONNX Runtime's failures into messages that name the file.</summary>
public static class OnnxSessionFactory
{
    /// <param name="memoryArena">
    /// ONNX Runtime's CPU arena is one allocator per session behind a lock. Our model's runs are tens of
    /// microseconds and allocate a few small buffers each, so concurrent runs on one session fought over it; with the
    /// arena off they use malloc's per-thread arenas instead (docs/performance.md has the measurement). A transformer's
    /// runs take milliseconds and allocate megabytes, where the arena's reuse pays.
    /// </param>
    public static InferenceSession Open(string file, SentimentOptions options, bool memoryArena)
    {
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            EnableCpuMemArena = memoryArena,
        };
        try
        {
            return new InferenceSession(file, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new SentimentModelException($"{file} is not a loadable ONNX model: {e.Message}", e);
        }
        finally
        {
            sessionOptions.Dispose();
        }
    }

    public static void RequireInputs(InferenceSession session, string file, params string[] names)
    {
        foreach (var name in names)
        {
            if (!session.InputMetadata.ContainsKey(name))
            {
                throw new SentimentModelException(
                    $"{file} has no input '{name}' (inputs: {string.Join(", ", session.InputMetadata.Keys)}).");
            }
        }
    }

    public static void RequireOutput(InferenceSession session, string file, string name)
    {
        if (!session.OutputMetadata.ContainsKey(name))
        {
            throw new SentimentModelException(
                $"{file} has no output '{name}' (outputs: {string.Join(", ", session.OutputMetadata.Keys)}).");
        }
    }
}

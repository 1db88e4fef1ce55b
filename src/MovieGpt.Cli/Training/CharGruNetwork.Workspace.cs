namespace MovieGpt.Cli.Training;

internal sealed partial class CharGruNetwork
{
    /// <summary>Scratch buffers of one training thread: what the forward pass keeps for backpropagation through time.</summary>
    public sealed class Workspace
    {
        public Workspace(CharGruNetwork n, int maxLength)
        {
            States = new float[Directions * (maxLength + 1) * n.Hidden];
            Activations = new float[Directions * maxLength * n.Gates];
            ResetStates = new float[Directions * maxLength * n.Hidden];
            StateGradient = new float[Directions * maxLength * n.Hidden];
            InputGradients = [.. Enumerable.Range(0, Directions).Select(_ => new float[n.Dim * n.Gates])];
            RecurrentGradients = [.. Enumerable.Range(0, Directions).Select(_ => new float[n.Hidden * n.Gates])];
            BiasGradients = [.. Enumerable.Range(0, Directions).Select(_ => new float[n.Gates])];
            EmbeddingGradient = new float[maxLength * n.Dim];
            Inputs = new float[maxLength * n.Dim];
            Pooled = new float[n.Features];
            PooledAt = new int[n.MaxFeatures];
            GateGradient = new float[n.Gates];
            Carry = new float[n.Hidden];
        }

        /// <summary>Per direction, the state before step 0 (zeros) then after each step, in reading order.</summary>
        public float[] States { get; }

        /// <summary>Per direction and step: z, r after the sigmoid and the candidate after tanh.</summary>
        public float[] Activations { get; }

        public float[] ResetStates { get; }

        public float[] StateGradient { get; }

        public float[][] InputGradients { get; }

        public float[][] RecurrentGradients { get; }

        public float[][] BiasGradients { get; }

        public float[] EmbeddingGradient { get; }

        /// <summary>Per position, the step's input: its character's row (plus its bigram's row).</summary>
        public float[] Inputs { get; }

        public float[] Pooled { get; }

        /// <summary>Step (in reading order) whose state won the max for each feature; −1 if none beat 0.</summary>
        public int[] PooledAt { get; }

        public float[] Probabilities { get; } = new float[Classes];

        public float[] OutputGradient { get; } = new float[Classes];

        public float[] GateGradient { get; }

        public float[] Carry { get; }
    }
}

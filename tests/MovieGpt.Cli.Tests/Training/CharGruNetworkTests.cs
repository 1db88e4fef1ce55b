using MovieGpt.Cli.Training;

namespace MovieGpt.Cli.Tests.Training;

/// <summary>Backpropagation through time is easy to get subtly wrong; finite differences of the loss say whether it is right.</summary>
public sealed class CharGruNetworkTests
{
    private static readonly int[] Review = [2, 5, 3, 7, 7, 4, 6, 2];

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(true, 13)]
    public void BackpropagatedGradientsMatchFiniteDifferencesOfTheLoss(bool meanPooling, int bigrams)
    {
        var network = new CharGruNetwork(tableRows: 8, dim: 4, hidden: 5, seed: 11, meanPooling, bigrams);
        var random = new Random(3);
        foreach (var bias in network.Bias)
        {
            for (var i = 0; i < bias.Length; i++)
            {
                bias[i] = random.NextSingle() - 0.5f;
            }
        }
        var target = SgdLoop.RatingTargets(0.1f)[7];
        var workspace = network.CreateWorkspace(Review.Length);
        network.Step(Review, target, rate: 0, workspace);

        for (var d = 0; d < CharGruNetwork.Directions; d++)
        {
            AssertGradient(network, network.InputWeights[d], workspace.InputGradients[d], target);
            AssertGradient(network, network.RecurrentWeights[d], workspace.RecurrentGradients[d], target);
            AssertGradient(network, network.Bias[d], workspace.BiasGradients[d], target);
        }
    }

    [Fact]
    public void TrainingStepsLowerTheLossOfTheReviewTheyLearn()
    {
        var network = new CharGruNetwork(tableRows: 8, dim: 4, hidden: 5, seed: 11);
        var target = SgdLoop.RatingTargets(0)[0];
        var workspace = network.CreateWorkspace(Review.Length);
        var first = network.Step(Review, target, rate: 0.1f, workspace);
        var last = first;
        for (var i = 0; i < 50; i++)
        {
            last = network.Step(Review, target, rate: 0.1f, workspace);
        }
        Assert.True(last < first / 2, $"loss went from {first} to {last}");
    }

    private static void AssertGradient(CharGruNetwork network, float[] parameters, float[] gradient, float[] target)
    {
        const float epsilon = 1e-2f;
        var checkedAny = false;
        for (var i = 0; i < parameters.Length; i += 3)
        {
            var saved = parameters[i];
            parameters[i] = saved + epsilon;
            var up = Loss(network, target);
            parameters[i] = saved - epsilon;
            var down = Loss(network, target);
            parameters[i] = saved;
            var numeric = (up - down) / (2 * epsilon);
            Assert.True(Math.Abs(numeric - gradient[i]) <= 2e-3 + 0.05 * Math.Abs(numeric), $"parameter {i}: backprop {gradient[i]}, finite difference {numeric}");
            checkedAny |= Math.Abs(numeric) > 1e-4;
        }
        Assert.True(checkedAny, "every checked gradient was zero");
    }

    private static double Loss(CharGruNetwork network, float[] target)
    {
        var workspace = network.CreateWorkspace(Review.Length);
        network.Forward(Review, workspace);
        return -Enumerable.Range(0, target.Length).Where(k => target[k] > 0).Sum(k => target[k] * Math.Log(workspace.Probabilities[k]));
    }
}

using MovieGpt.Sentiment.Text;

namespace MovieGpt.Cli.Training;

/// <summary>The members that read a review's characters in order, with the encoder that gives them their ids.</summary>
internal sealed record CharacterMembers(CharSequenceEncoder Encoder, CharCnnNetwork? Cnn, CharGruNetwork? Gru)
{
    public CharCnnSettings Settings => Encoder.Settings;

    /// <summary>The same members with the ensemble shares chosen on dev.</summary>
    public CharacterMembers WithShares(double cnn, double gru) =>
        this with { Encoder = new CharSequenceEncoder(Settings with { Share = cnn, GruShare = gru }) };
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MovieGpt.Server.Data.Configurations;

internal sealed class ReviewTallyConfiguration : IEntityTypeConfiguration<ReviewTally>
{
    public void Configure(EntityTypeBuilder<ReviewTally> builder)
    {
        builder.ToTable("review_tallies");
        // The key leads with movie_id: one movie's tallies are one index range, and the key serves the foreign key.
        builder.HasKey(t => new { t.MovieId, t.SentimentLabel, t.RatingBin, t.Day });
        builder.Property(t => t.MovieId).HasColumnName("movie_id");
        builder.Property(t => t.SentimentLabel).HasColumnName("sentiment_label").HasMaxLength(16);
        builder.Property(t => t.RatingBin).HasColumnName("rating_bin");
        builder.Property(t => t.Day).HasColumnName("day");
        builder.Property(t => t.ReviewCount).HasColumnName("review_count");
        builder.Property(t => t.PositivitySum).HasColumnName("positivity_sum");
        builder.Property(t => t.RatingSum).HasColumnName("rating_sum");
        builder.Property(t => t.UserRatingCount).HasColumnName("user_rating_count");
        builder.Property(t => t.UserRatingSum).HasColumnName("user_rating_sum");
        builder.HasOne<Movie>()
            .WithMany(m => m.Tallies)
            .HasForeignKey(t => t.MovieId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

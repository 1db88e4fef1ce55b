using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MovieGpt.Server.Data.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("reviews");
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.MovieId).HasColumnName("movie_id");
        builder.Property(r => r.Author).HasColumnName("author").HasMaxLength(100);
        builder.Property(r => r.Content).HasColumnName("content").HasMaxLength(5000);
        builder.Property(r => r.SentimentLabel).HasColumnName("sentiment_label").HasMaxLength(16);
        builder.Property(r => r.SentimentScore).HasColumnName("sentiment_score");
        builder.Property(r => r.ProbabilityNegative).HasColumnName("probability_negative");
        builder.Property(r => r.ProbabilityNeutral).HasColumnName("probability_neutral");
        builder.Property(r => r.ProbabilityPositive).HasColumnName("probability_positive");
        builder.Property(r => r.PredictedRating).HasColumnName("predicted_rating");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");

        // The database, not only EF's change tracker, removes a movie's reviews with it.
        builder.HasOne(r => r.Movie)
            .WithMany(m => m.Reviews)
            .HasForeignKey(r => r.MovieId)
            .OnDelete(DeleteBehavior.Cascade);
        // Leads with movie_id, so it serves the foreign key and the cascade; with created_at and id after it, a
        // movie's newest reviews are read in index order instead of sorting all of that movie's reviews.
        builder.HasIndex(r => new { r.MovieId, r.CreatedAt, r.Id }).HasDatabaseName("ix_reviews_movie_id_created_at");
        builder.HasIndex(r => r.CreatedAt).HasDatabaseName("ix_reviews_created_at");
    }
}

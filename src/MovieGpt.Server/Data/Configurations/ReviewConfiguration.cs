using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MovieGpt.Server.Data.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable(ReviewColumns.Table);
        builder.Property(r => r.Id).HasColumnName(ReviewColumns.Id);
        builder.Property(r => r.MovieId).HasColumnName(ReviewColumns.MovieId);
        builder.Property(r => r.Author).HasColumnName(ReviewColumns.Author).HasMaxLength(100);
        builder.Property(r => r.Content).HasColumnName(ReviewColumns.Content).HasMaxLength(Contracts.CreateReviewRequest.MaxContentUnits);
        builder.Property(r => r.SentimentLabel).HasColumnName(ReviewColumns.SentimentLabel).HasMaxLength(16);
        builder.Property(r => r.SentimentScore).HasColumnName(ReviewColumns.SentimentScore);
        builder.Property(r => r.ProbabilityNegative).HasColumnName(ReviewColumns.ProbabilityNegative);
        builder.Property(r => r.ProbabilityNeutral).HasColumnName(ReviewColumns.ProbabilityNeutral);
        builder.Property(r => r.ProbabilityPositive).HasColumnName(ReviewColumns.ProbabilityPositive);
        builder.Property(r => r.PredictedRating).HasColumnName(ReviewColumns.PredictedRating);
        builder.Property(r => r.CreatedAt).HasColumnName(ReviewColumns.CreatedAt);
        builder.Property(r => r.UserId).HasColumnName(ReviewColumns.UserId);
        builder.Property(r => r.EditedAt).HasColumnName(ReviewColumns.EditedAt);
        // Text on both databases: it is only ever read back whole; the triggers parse it into review_aspects.
        builder.Property(r => r.Aspects).HasColumnName(ReviewColumns.Aspects);
        builder.Property(r => r.UserRating).HasColumnName(ReviewColumns.UserRating);
        builder.Property(r => r.Spoiler).HasColumnName(ReviewColumns.Spoiler).HasDefaultValue(false);

        // The database, not only EF's change tracker, removes a movie's reviews with it.
        builder.HasOne(r => r.Movie)
            .WithMany(m => m.Reviews)
            .HasForeignKey(r => r.MovieId)
            .OnDelete(DeleteBehavior.Cascade);
        // Leads with movie_id, so it serves the foreign key and the cascade; with created_at and id after it, a
        // movie's newest reviews are read in index order instead of sorting all of that movie's reviews.
        builder.HasIndex(r => new { r.MovieId, r.CreatedAt, r.Id }).HasDatabaseName("ix_reviews_movie_id_created_at");
        builder.HasIndex(r => r.CreatedAt).HasDatabaseName("ix_reviews_created_at");
        // No foreign key to users: SQLite cannot add one to a table in place, and rebuilding reviews copies every
        // review and drops its triggers. Accounts are not deleted; code that deletes one must clear its reviews' user_id.
        // One review per account and movie, held by the database even when two requests race (the writer's insert then
        // fails for the second); reviews without an account are not counted. Leading with user_id, it also finds a
        // user's reviews. The filter is the same SQL on both databases.
        builder.HasIndex(r => new { r.UserId, r.MovieId }).IsUnique().HasFilter("user_id IS NOT NULL")
            .HasDatabaseName("ux_reviews_user_id_movie_id");
    }
}

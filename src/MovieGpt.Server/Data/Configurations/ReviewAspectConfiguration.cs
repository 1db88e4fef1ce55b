using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MovieGpt.Server.Data.Configurations;

internal sealed class ReviewAspectConfiguration : IEntityTypeConfiguration<ReviewAspect>
{
    public void Configure(EntityTypeBuilder<ReviewAspect> builder)
    {
        builder.ToTable("review_aspects");
        // A review names an aspect once (the engine keeps the strongest reading); the key answers the filter's
        // "does this review say that" probe for each review of a page.
        builder.HasKey(a => new { a.ReviewId, a.Aspect });
        builder.Property(a => a.ReviewId).HasColumnName("review_id");
        builder.Property(a => a.MovieId).HasColumnName("movie_id");
        builder.Property(a => a.Aspect).HasColumnName("aspect").HasMaxLength(16);
        builder.Property(a => a.Label).HasColumnName("label").HasMaxLength(16);
        builder.HasOne<Review>()
            .WithMany()
            .HasForeignKey(a => a.ReviewId)
            .OnDelete(DeleteBehavior.Cascade);
        // A movie's aspect summary is one range of this index, counted without reading the rows.
        builder.HasIndex(a => new { a.MovieId, a.Aspect, a.Label }).HasDatabaseName("ix_review_aspects_movie_id_aspect_label");
    }
}

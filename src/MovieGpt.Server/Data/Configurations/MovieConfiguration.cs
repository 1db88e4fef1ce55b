using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MovieGpt.Server.Data.Configurations;

internal sealed class MovieConfiguration : IEntityTypeConfiguration<Movie>
{
    public void Configure(EntityTypeBuilder<Movie> builder)
    {
        builder.ToTable("movies");
        builder.Property(m => m.Id).HasColumnName("id");
        builder.Property(m => m.Title).HasColumnName("title").HasMaxLength(200);
        builder.Property(m => m.ReleaseDate).HasColumnName("release_date").HasMaxLength(50);
        builder.Property(m => m.Director).HasColumnName("director").HasMaxLength(100);
        builder.Property(m => m.Genre).HasColumnName("genre").HasMaxLength(100);
        builder.Property(m => m.PosterUrl).HasColumnName("poster_url").HasMaxLength(500);
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        // Searched with an infix match (no B-tree index helps); the movies table is small beside reviews.
        builder.Property(m => m.SearchKey).HasColumnName("search_key").HasMaxLength(410);
        builder.Property(m => m.SearchInitials).HasColumnName("search_initials").HasMaxLength(410);
        builder.HasIndex(m => m.CreatedAt).HasDatabaseName("ix_movies_created_at");
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MovieGpt.Server.Data.Configurations;

internal sealed class MovieConfiguration : IEntityTypeConfiguration<Movie>
{
    /// <summary>The longest name of a genre, an actor or a country.</summary>
    public const int NameLength = 100;

    public void Configure(EntityTypeBuilder<Movie> builder)
    {
        builder.ToTable("movies");
        builder.Property(m => m.Id).HasColumnName("id");
        builder.Property(m => m.Title).HasColumnName("title").HasMaxLength(200);
        builder.Property(m => m.OriginalTitle).HasColumnName("original_title").HasMaxLength(200);
        builder.Property(m => m.ReleaseDate).HasColumnName("release_date").HasMaxLength(50);
        builder.Property(m => m.Director).HasColumnName("director").HasMaxLength(100);
        builder.Property(m => m.Genre).HasColumnName("genre").HasMaxLength(100);
        JsonList(builder.Property(m => m.Genres)).HasColumnName("genres");
        JsonList(builder.Property(m => m.Actors)).HasColumnName("actors");
        JsonList(builder.Property(m => m.Countries)).HasColumnName("countries");
        builder.Property(m => m.PlotSummary).HasColumnName("plot_summary").HasMaxLength(5000);
        builder.Property(m => m.RuntimeMinutes).HasColumnName("runtime_minutes");
        builder.Property(m => m.PosterUrl).HasColumnName("poster_url").HasMaxLength(500);
        builder.Property(m => m.ExternalId).HasColumnName("external_id").HasMaxLength(100);
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        // Searched with an infix match (no B-tree index helps); the movies table is small beside reviews.
        builder.Property(m => m.SearchKey).HasColumnName("search_key").HasMaxLength(410);
        builder.Property(m => m.SearchInitials).HasColumnName("search_initials").HasMaxLength(410);
        builder.HasIndex(m => m.CreatedAt).HasDatabaseName("ix_movies_created_at");
        // Both databases allow any number of NULLs in a unique index: only catalog records are held unique.
        builder.HasIndex(m => m.ExternalId).IsUnique().HasDatabaseName("ix_movies_external_id");

        builder.HasMany(m => m.GenreRows).WithOne().HasForeignKey(g => g.MovieId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.ActorRows).WithOne().HasForeignKey(a => a.MovieId).OnDelete(DeleteBehavior.Cascade);
    }

    // Korean names stay readable in the column, as the migrations' SQL writes them.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A list of names as JSON text ("[]" for none): the same column type and the same text on both databases, read
    // with the movie's row; filters read the child tables instead.
    private static PropertyBuilder<List<string>> JsonList(PropertyBuilder<List<string>> property) =>
        property
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<string>>(v, Json) ?? new List<string>(),
                new ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (hash, s) => HashCode.Combine(hash, s.GetHashCode())),
                    v => v.ToList()))
            .IsRequired();
}

internal sealed class MovieGenreConfiguration : IEntityTypeConfiguration<MovieGenre>
{
    public void Configure(EntityTypeBuilder<MovieGenre> builder)
    {
        builder.ToTable("movie_genres");
        builder.HasKey(g => new { g.MovieId, g.Position });
        builder.Property(g => g.MovieId).HasColumnName("movie_id");
        builder.Property(g => g.Position).HasColumnName("position");
        builder.Property(g => g.Name).HasColumnName("name").HasMaxLength(MovieConfiguration.NameLength);
        // "Movies of this genre" is one range of this index on both databases.
        builder.HasIndex(g => new { g.Name, g.MovieId }).HasDatabaseName("ix_movie_genres_name_movie_id");
    }
}

internal sealed class MovieActorConfiguration : IEntityTypeConfiguration<MovieActor>
{
    public void Configure(EntityTypeBuilder<MovieActor> builder)
    {
        builder.ToTable("movie_actors");
        builder.HasKey(a => new { a.MovieId, a.Position });
        builder.Property(a => a.MovieId).HasColumnName("movie_id");
        builder.Property(a => a.Position).HasColumnName("position");
        builder.Property(a => a.Name).HasColumnName("name").HasMaxLength(MovieConfiguration.NameLength);
        builder.HasIndex(a => new { a.Name, a.MovieId }).HasDatabaseName("ix_movie_actors_name_movie_id");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MovieGpt.Server.Data;

// `dotnet ef migrations add` builds each provider's context without starting the app.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMovieGptDbContext>
{
    public SqliteMovieGptDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMovieGptDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMovieGptDbContext>
{
    public PostgresMovieGptDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMovieGptDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

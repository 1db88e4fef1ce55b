using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CatalogMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "actors",
                table: "movies",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "countries",
                table: "movies",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "movies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "genres",
                table: "movies",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "original_title",
                table: "movies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "plot_summary",
                table: "movies",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "runtime_minutes",
                table: "movies",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "movie_actors",
                columns: table => new
                {
                    movie_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_movie_actors", x => new { x.movie_id, x.position });
                    table.ForeignKey(
                        name: "FK_movie_actors_movies_movie_id",
                        column: x => x.movie_id,
                        principalTable: "movies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "movie_genres",
                columns: table => new
                {
                    movie_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_movie_genres", x => new { x.movie_id, x.position });
                    table.ForeignKey(
                        name: "FK_movie_genres_movies_movie_id",
                        column: x => x.movie_id,
                        principalTable: "movies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_movies_external_id",
                table: "movies",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_movie_actors_name_movie_id",
                table: "movie_actors",
                columns: new[] { "name", "movie_id" });

            migrationBuilder.CreateIndex(
                name: "ix_movie_genres_name_movie_id",
                table: "movie_genres",
                columns: new[] { "name", "movie_id" });

            // A movie stored before this migration had one genre string: it becomes its one genre, in both forms.
            migrationBuilder.Sql("""
                UPDATE movies SET genres = json_build_array(genre)::text WHERE genre IS NOT NULL;
                INSERT INTO movie_genres (movie_id, position, name) SELECT id, 0, genre FROM movies WHERE genre IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "movie_actors");

            migrationBuilder.DropTable(
                name: "movie_genres");

            migrationBuilder.DropIndex(
                name: "ix_movies_external_id",
                table: "movies");

            migrationBuilder.DropColumn(
                name: "actors",
                table: "movies");

            migrationBuilder.DropColumn(
                name: "countries",
                table: "movies");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "movies");

            migrationBuilder.DropColumn(
                name: "genres",
                table: "movies");

            migrationBuilder.DropColumn(
                name: "original_title",
                table: "movies");

            migrationBuilder.DropColumn(
                name: "plot_summary",
                table: "movies");

            migrationBuilder.DropColumn(
                name: "runtime_minutes",
                table: "movies");
        }
    }
}

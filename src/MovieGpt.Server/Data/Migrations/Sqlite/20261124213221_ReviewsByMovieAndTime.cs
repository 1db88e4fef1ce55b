using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewsByMovieAndTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reviews_movie_id",
                table: "reviews");

            migrationBuilder.CreateIndex(
                name: "ix_reviews_movie_id_created_at",
                table: "reviews",
                columns: new[] { "movie_id", "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reviews_movie_id_created_at",
                table: "reviews");

            migrationBuilder.CreateIndex(
                name: "ix_reviews_movie_id",
                table: "reviews",
                column: "movie_id");
        }
    }
}

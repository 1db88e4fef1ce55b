using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "review_tallies",
                columns: table => new
                {
                    movie_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sentiment_label = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    rating_bin = table.Column<int>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    review_count = table.Column<int>(type: "INTEGER", nullable: false),
                    positivity_sum = table.Column<double>(type: "REAL", nullable: false),
                    rating_sum = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_tallies", x => new { x.movie_id, x.sentiment_label, x.rating_bin, x.day });
                    table.ForeignKey(
                        name: "FK_review_tallies_movies_movie_id",
                        column: x => x.movie_id,
                        principalTable: "movies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Filled from the reviews already stored, then kept by triggers.
            migrationBuilder.Sql(ReviewTallyTriggers.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReviewTallyTriggers.SqliteDown);

            migrationBuilder.DropTable(
                name: "review_tallies");
        }
    }
}

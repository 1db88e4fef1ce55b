using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewAspects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "aspects",
                table: "reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "review_aspects",
                columns: table => new
                {
                    review_id = table.Column<int>(type: "INTEGER", nullable: false),
                    aspect = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    movie_id = table.Column<int>(type: "INTEGER", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_aspects", x => new { x.review_id, x.aspect });
                    table.ForeignKey(
                        name: "FK_review_aspects_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_review_aspects_movie_id_aspect_label",
                table: "review_aspects",
                columns: new[] { "movie_id", "aspect", "label" });

            // review_aspects is kept from reviews.aspects (JSON) by triggers, so every writer is covered: the review
            // writer's INSERT, the back-fill's UPDATE, raw SQL. Reviews stored before this migration have no aspects
            // (NULL) until the back-fill reaches them.
            migrationBuilder.Sql("""
                CREATE TRIGGER reviews_aspects_insert AFTER INSERT ON reviews WHEN NEW.aspects IS NOT NULL BEGIN
                    INSERT INTO review_aspects (review_id, movie_id, aspect, label)
                    SELECT NEW.id, NEW.movie_id, json_extract(value, '$.aspect'), json_extract(value, '$.label')
                    FROM json_each(NEW.aspects);
                END;

                CREATE TRIGGER reviews_aspects_update AFTER UPDATE OF aspects ON reviews BEGIN
                    DELETE FROM review_aspects WHERE review_id = OLD.id;
                    INSERT INTO review_aspects (review_id, movie_id, aspect, label)
                    SELECT NEW.id, NEW.movie_id, json_extract(value, '$.aspect'), json_extract(value, '$.label')
                    FROM json_each(NEW.aspects);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_aspects_update;
                DROP TRIGGER reviews_aspects_insert;
                """);

            migrationBuilder.DropTable(
                name: "review_aspects");

            migrationBuilder.DropColumn(
                name: "aspects",
                table: "reviews");
        }
    }
}

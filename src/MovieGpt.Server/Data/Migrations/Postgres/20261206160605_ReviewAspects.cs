using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "review_aspects",
                columns: table => new
                {
                    review_id = table.Column<int>(type: "integer", nullable: false),
                    aspect = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    movie_id = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
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

            // review_aspects is kept from reviews.aspects (JSON text) by triggers, so every writer is covered: the
            // review writer's batch INSERT (one statement per batch, over its transition table), the back-fill's
            // UPDATE, raw SQL. Reviews stored before this migration have no aspects (NULL) until the back-fill reaches
            // them. PostgreSQL allows no transition table on a trigger with a column list, hence a row trigger for UPDATE.
            migrationBuilder.Sql("""
                CREATE FUNCTION reviews_aspects_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO review_aspects (review_id, movie_id, aspect, label)
                    SELECT i.id, i.movie_id, m ->> 'aspect', m ->> 'label'
                    FROM inserted AS i CROSS JOIN LATERAL jsonb_array_elements(i.aspects::jsonb) AS m
                    WHERE i.aspects IS NOT NULL;
                    RETURN NULL;
                END
                $$;

                CREATE FUNCTION reviews_aspects_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM review_aspects WHERE review_id = OLD.id;
                    INSERT INTO review_aspects (review_id, movie_id, aspect, label)
                    SELECT NEW.id, NEW.movie_id, m ->> 'aspect', m ->> 'label'
                    FROM jsonb_array_elements(COALESCE(NEW.aspects, '[]')::jsonb) AS m;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER reviews_aspects_insert AFTER INSERT ON reviews REFERENCING NEW TABLE AS inserted
                    FOR EACH STATEMENT EXECUTE FUNCTION reviews_aspects_inserted();
                CREATE TRIGGER reviews_aspects_update AFTER UPDATE OF aspects ON reviews
                    FOR EACH ROW WHEN (OLD.aspects IS DISTINCT FROM NEW.aspects) EXECUTE FUNCTION reviews_aspects_updated();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_aspects_update ON reviews;
                DROP TRIGGER reviews_aspects_insert ON reviews;
                DROP FUNCTION reviews_aspects_updated();
                DROP FUNCTION reviews_aspects_inserted();
                """);

            migrationBuilder.DropTable(
                name: "review_aspects");

            migrationBuilder.DropColumn(
                name: "aspects",
                table: "reviews");
        }
    }
}

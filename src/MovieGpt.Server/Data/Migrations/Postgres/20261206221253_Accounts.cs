using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MovieGpt.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Accounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "edited_at",
                table: "reviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "user_id",
                table: "reviews",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    display_name = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<int>(type: "integer", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_helpful",
                columns: table => new
                {
                    review_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_helpful", x => new { x.review_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_review_helpful_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_review_helpful_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "FK_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    role_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "FK_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "FK_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_reviews_user_id_movie_id",
                table: "reviews",
                columns: new[] { "user_id", "movie_id" },
                unique: true,
                filter: "user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_review_helpful_user_id",
                table: "review_helpful",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_display_name",
                table: "users",
                column: "display_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            // An edit rescores a review: its tally moves with it (its 별점 too) instead of the edit being refused; a
            // review still keeps its movie and its time.
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_tally_update ON reviews;

                CREATE OR REPLACE FUNCTION reviews_refuse_edit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'a review keeps its movie and its time: delete it and write a new one';
                END
                $$;

                CREATE FUNCTION reviews_tally_edited() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE review_tallies SET
                        review_count = review_count - 1,
                        positivity_sum = positivity_sum - (OLD.probability_positive + OLD.probability_neutral / 2.0),
                        rating_sum = rating_sum - OLD.predicted_rating,
                        user_rating_count = user_rating_count - (OLD.user_rating IS NOT NULL)::int,
                        user_rating_sum = user_rating_sum - COALESCE(OLD.user_rating, 0)
                    WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
                      AND rating_bin = floor(OLD.predicted_rating + 0.5)::int AND day = (OLD.created_at AT TIME ZONE 'Asia/Seoul')::date;
                    DELETE FROM review_tallies
                    WHERE movie_id = OLD.movie_id AND sentiment_label = OLD.sentiment_label
                      AND rating_bin = floor(OLD.predicted_rating + 0.5)::int AND day = (OLD.created_at AT TIME ZONE 'Asia/Seoul')::date
                      AND review_count <= 0;
                    INSERT INTO review_tallies (movie_id, sentiment_label, rating_bin, day, review_count, positivity_sum, rating_sum, user_rating_count, user_rating_sum)
                    VALUES (NEW.movie_id, NEW.sentiment_label, floor(NEW.predicted_rating + 0.5)::int, (NEW.created_at AT TIME ZONE 'Asia/Seoul')::date,
                            1, NEW.probability_positive + NEW.probability_neutral / 2.0, NEW.predicted_rating,
                            (NEW.user_rating IS NOT NULL)::int, COALESCE(NEW.user_rating, 0))
                    ON CONFLICT (movie_id, sentiment_label, rating_bin, day) DO UPDATE SET
                        review_count = review_tallies.review_count + 1,
                        positivity_sum = review_tallies.positivity_sum + EXCLUDED.positivity_sum,
                        rating_sum = review_tallies.rating_sum + EXCLUDED.rating_sum,
                        user_rating_count = review_tallies.user_rating_count + EXCLUDED.user_rating_count,
                        user_rating_sum = review_tallies.user_rating_sum + EXCLUDED.user_rating_sum;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER reviews_tally_update BEFORE UPDATE OF movie_id, created_at ON reviews
                    FOR EACH ROW WHEN (OLD.movie_id IS DISTINCT FROM NEW.movie_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
                    EXECUTE FUNCTION reviews_refuse_edit();
                CREATE TRIGGER reviews_tally_edit AFTER UPDATE OF sentiment_label, predicted_rating, probability_positive, probability_neutral, user_rating ON reviews
                    FOR EACH ROW EXECUTE FUNCTION reviews_tally_edited();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER reviews_tally_edit ON reviews;
                DROP TRIGGER reviews_tally_update ON reviews;
                DROP FUNCTION reviews_tally_edited();
                CREATE OR REPLACE FUNCTION reviews_refuse_edit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'reviews are not edited in place: delete the review and write a new one';
                END
                $$;
                CREATE TRIGGER reviews_tally_update BEFORE UPDATE OF movie_id, sentiment_label, predicted_rating, probability_positive, probability_neutral, created_at, user_rating ON reviews
                    FOR EACH ROW EXECUTE FUNCTION reviews_refuse_edit();
                """);

            migrationBuilder.DropTable(
                name: "review_helpful");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropIndex(
                name: "ux_reviews_user_id_movie_id",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "edited_at",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "user_id",
                table: "reviews");
        }
    }
}

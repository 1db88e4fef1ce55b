using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MovieGpt.Server.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        // UTF-16 units, not text elements: a 20-element name of combined emoji still fits.
        builder.Property(u => u.DisplayName).HasMaxLength(Contracts.RegisterRequest.MaxDisplayNameUnits);
        // The index, not only the check before an insert, keeps two registrations from taking one 닉네임.
        builder.HasIndex(u => u.DisplayName).IsUnique().HasDatabaseName("ix_users_display_name");
    }
}

internal sealed class ReviewHelpfulConfiguration : IEntityTypeConfiguration<ReviewHelpful>
{
    public void Configure(EntityTypeBuilder<ReviewHelpful> builder)
    {
        builder.ToTable("review_helpful");
        // One mark per user and review; the key also serves a review's count.
        builder.HasKey(h => new { h.ReviewId, h.UserId });
        builder.Property(h => h.ReviewId).HasColumnName("review_id");
        builder.Property(h => h.UserId).HasColumnName("user_id");
        builder.Property(h => h.CreatedAt).HasColumnName("created_at");
        builder.HasOne<Review>().WithMany().HasForeignKey(h => h.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => h.UserId).HasDatabaseName("ix_review_helpful_user_id");
    }
}

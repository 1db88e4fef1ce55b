using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MovieGpt.Server.Data.Idempotency;

namespace MovieGpt.Server.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable(IdempotencyColumns.Table);
        // The key is what makes a second insert of the same key fail (or, on PostgreSQL, wait for the first to commit).
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasColumnName(IdempotencyColumns.Scope).HasMaxLength(IdempotencyColumns.MaxScopeLength);
        builder.Property(r => r.Key).HasColumnName(IdempotencyColumns.Key).HasMaxLength(IdempotencyColumns.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasColumnName(IdempotencyColumns.RequestHash).HasMaxLength(64);
        builder.Property(r => r.StatusCode).HasColumnName(IdempotencyColumns.StatusCode);
        builder.Property(r => r.ResponseBody).HasColumnName(IdempotencyColumns.ResponseBody);
        builder.Property(r => r.Location).HasColumnName(IdempotencyColumns.Location).HasMaxLength(200);
        builder.Property(r => r.CreatedAt).HasColumnName(IdempotencyColumns.CreatedAt);
        // The purge deletes by age.
        builder.HasIndex(r => r.CreatedAt).HasDatabaseName("ix_idempotency_keys_created_at");
    }
}

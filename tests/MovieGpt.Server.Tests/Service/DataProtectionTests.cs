using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using MovieGpt.Server.Tests.Infrastructure;

namespace MovieGpt.Server.Tests.Service;

/// <summary>Data-protection keys live in the database: what one app instance protects, another on the database reads.</summary>
public abstract class DataProtectionTests(ServerFixture server)
{
    [RequirementFact]
    public async Task APayloadProtectedByOneInstanceIsReadByAnotherOnTheSameDatabase()
    {
        var protector = server.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("moviegpt-tests");
        var payload = protector.Protect("관객 한 명의 토큰");
        await using var other = server.CreateVariant(_ => { });
        using var started = other.CreateClient();   // starts the second app

        var read = other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("moviegpt-tests").Unprotect(payload);

        Assert.Equal("관객 한 명의 토큰", read);
        Assert.True(await server.ScalarAsync("SELECT COUNT(*) FROM data_protection_keys") >= 1);
    }

    [RequirementFact]
    public void TheKeysAreThoseOfTheMovieGptApplication()
    {
        var options = server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataProtectionOptions>>().Value;

        Assert.Equal("MovieGpt", options.ApplicationDiscriminator);
    }
}

public sealed class SqliteDataProtectionTests(SqliteServerFixture server) : DataProtectionTests(server), IClassFixture<SqliteServerFixture>;

[RequiresPostgres]
public sealed class PostgresDataProtectionTests(PostgresServerFixture server) : DataProtectionTests(server), IClassFixture<PostgresServerFixture>;

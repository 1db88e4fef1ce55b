using MovieGpt.Server.Data;
using MovieGpt.Server.Data.Sqlite;

namespace MovieGpt.Server.Tests.Data;

/// <summary>A session's prepared commands join its transaction while it runs, and run on their own after it.</summary>
public sealed class SqliteSessionTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"moviegpt-session-{Guid.NewGuid():N}.db");

    [Fact]
    public void CommandsJoinTheOpenTransactionAndRunAloneAfterIt()
    {
        using var session = new SqliteSession(new SqliteDatabase($"Data Source={_file}").Open(readOnly: false));
        session.Command("CREATE TABLE t (v INTEGER)").ExecuteNonQuery();

        using (var rolledBack = session.BeginTransaction())
        {
            session.Command("INSERT INTO t VALUES ($v)", ("v", 1)).ExecuteNonQuery();
            rolledBack.Rollback();
        }
        using (var committed = session.BeginTransaction())
        {
            session.Command("INSERT INTO t VALUES ($v)", ("v", 2)).ExecuteNonQuery();
            session.Command("INSERT INTO t VALUES ($v)", ("v", 3)).ExecuteNonQuery();
            committed.Commit();
        }
        session.Command("INSERT INTO t VALUES ($v)", ("v", 4)).ExecuteNonQuery();

        Assert.Equal(9L, session.Command("SELECT SUM(v) FROM t").ExecuteScalar());
        Assert.Throws<ArgumentException>(() => session.Command("INSERT INTO t VALUES ($v)"));
    }

    [Fact]
    public void ParametersAreBoundByNameWhateverTheOrderTheValuesComeIn()
    {
        using var session = new SqliteSession(new SqliteDatabase($"Data Source={_file}").Open(readOnly: false));

        Assert.Equal(4L, session.Command("SELECT $a - @b", ("b", 1), ("a", 5)).ExecuteScalar());
        Assert.Equal(-4L, session.Command("SELECT $a - @b", ("a", 1), ("b", 5)).ExecuteScalar());
        Assert.Throws<ArgumentException>(() => session.Command("SELECT $a - @b", ("a", 1), ("c", 5)));
        Assert.Throws<ArgumentException>(() => session.Command("SELECT $a - @b", ("a", 1), ("a", 5)));
    }

    // Session connections are outside the pool, so the file is closed once the session is.
    public void Dispose() => File.Delete(_file);
}

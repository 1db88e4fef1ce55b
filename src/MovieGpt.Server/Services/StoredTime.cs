namespace MovieGpt.Server.Services;

internal static class StoredTime
{
    /// <summary>
    /// Now, cut to whole microseconds: PostgreSQL keeps no finer time, so the answer to a POST must carry the
    /// same created_at that every later GET reads back.
    /// </summary>
    public static DateTime UtcNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}

using CohortBot.Core.RateLimits;
using CohortBot.Storage.Postgres;
using Dapper;

namespace CohortBot.Storage.RateLimits;

/// <summary>
/// The shared budget on PostgreSQL: one statement per take, outside any transaction of the stores
/// (READ COMMITTED, autocommit). The upsert locks the window's row, so concurrent takes from every
/// instance queue on it and each sees the count the one before left: the window is never
/// overspent. <c>last_taken</c> is how the statement tells what it took (the SET sees the row as it
/// was). Rows of windows ten minutes past are deleted once a minute by whichever instance passes.
/// </summary>
public sealed class PostgresRateBudget(PostgresDatabase database) : IRateBudget
{
    private const string Take = """
        INSERT INTO rate_budget AS b (bucket, window_start, used, last_taken)
        VALUES (@bucket, @windowStart, @first, @first)
        ON CONFLICT (bucket, window_start) DO UPDATE
        SET last_taken = LEAST(@wanted, @limit - b.used),
            used = b.used + LEAST(@wanted, @limit - b.used)
        WHERE b.used < @limit
        RETURNING last_taken
        """;

    private const string Sweep = "DELETE FROM rate_budget WHERE window_start < @before";

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);
    private long _sweptAt;

    public async Task<int> TakeAsync(string bucket, DateTimeOffset windowStart, int limit, int wanted, CancellationToken ct)
    {
        if (limit < 1 || wanted < 1)
        {
            return 0;
        }

        var start = windowStart.ToUnixTimeMilliseconds();
        await using var db = await database.OpenAsync(ct);
        var taken = await db.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            Take, new { bucket, windowStart = start, limit = (long)limit, wanted = (long)wanted, first = (long)Math.Min(wanted, limit) }, cancellationToken: ct));
        var swept = Interlocked.Read(ref _sweptAt);
        if (start - swept >= SweepEvery.TotalMilliseconds && Interlocked.CompareExchange(ref _sweptAt, start, swept) == swept)
        {
            await db.ExecuteAsync(new CommandDefinition(Sweep, new { before = start - (long)Keep.TotalMilliseconds }, cancellationToken: ct));
        }

        return (int)(taken ?? 0);
    }
}

using System.Data.Common;
using Dapper;

namespace CohortBot.Storage.Events;

/// <summary>
/// Gives free seats to the people waiting, first come first served, inside the caller's
/// transaction. Every change that can free a seat calls it: a cancellation, a capacity raised in
/// chat, and an RSVP (the capacity may have grown in the cohort file since, and a newcomer must
/// not take a seat someone is waiting for).
/// </summary>
internal static class Waitlist
{
    private const string CountGoing = "SELECT COUNT(*) FROM rsvps WHERE event_id = @eventId AND status = 'going'";

    private const string FirstWaitlisted = """
        SELECT participant_id FROM rsvps
        WHERE event_id = @eventId AND status = 'waitlisted'
        ORDER BY requested_at, id
        LIMIT 1
        """;

    private const string Promote = "UPDATE rsvps SET status = 'going', updated_at = @now WHERE event_id = @eventId AND participant_id = @participantId";

    /// <summary>The participants promoted, in waitlist order; none when the event is full or nobody waits.</summary>
    public static async Task<IReadOnlyList<long>> FillFreeSeatsAsync(DbConnection db, DbTransaction tx, long eventId, int? capacity, long nowMs)
    {
        var promoted = new List<long>();
        while (capacity is null || await db.ExecuteScalarAsync<long>(CountGoing, new { eventId }, tx) < capacity)
        {
            var next = await db.ExecuteScalarAsync<long?>(FirstWaitlisted, new { eventId }, tx);
            if (next is null)
            {
                break;
            }

            await db.ExecuteAsync(Promote, new { now = nowMs, eventId, participantId = next }, tx);
            promoted.Add(next.Value);
        }

        return promoted;
    }
}

using System.Globalization;
using CohortBot.Core.Outbox;

namespace CohortBot.Core.Schedules;

/// <summary>
/// One piece of scheduled work derived from the cohort: <see cref="Offset"/> before
/// <see cref="Target"/> (a deadline, an event start, a digest occurrence), about
/// <see cref="Subject"/> (<c>week:3</c>, <c>certificate</c>, <c>event:tt-dable</c>, <c>digest</c>).
/// </summary>
public sealed record ScheduledMoment(MomentKind Kind, long CohortId, string Subject, DateTimeOffset Target, TimeSpan Offset)
{
    public const string WeekPrefix = "week:";
    public const string EventPrefix = "event:";
    public const string Certificate = "certificate";
    public const string DigestSubject = "digest";

    public DateTimeOffset At => Target - Offset;

    /// <summary>The subject as the ledger keys it: with the target instant, so a moved deadline is new.</summary>
    public string LedgerSubject => string.Create(CultureInfo.InvariantCulture, $"{Subject}@{Target.ToUnixTimeSeconds()}");

    /// <summary>The ledger key of the fan-out as a whole.</summary>
    public DeliveryKey JobKey => new(Kind.Key(), LedgerSubject, DeliveryKey.Job, Offset);

    /// <summary>A stable name for the scheduler's job.</summary>
    public string Name => $"{Kind.Key()}|{LedgerSubject}|{(long)Offset.TotalSeconds}";

    /// <summary>Rebuilds the moment a ledger key belongs to, for retries.</summary>
    public static bool TryFromKey(long cohortId, DeliveryKey key, out ScheduledMoment moment)
    {
        moment = null!;
        var at = key.Subject.LastIndexOf('@');
        if (!MomentKinds.TryParse(key.Kind, out var kind) || at <= 0)
        {
            return false;
        }

        var target = key.Subject[(at + 1)..];
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            target = target[..hash];
        }

        if (!long.TryParse(target, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        moment = new ScheduledMoment(kind, cohortId, key.Subject[..at], DateTimeOffset.FromUnixTimeSeconds(seconds), key.Offset);
        return true;
    }

    public bool TryWeekNumber(out int week) =>
        int.TryParse(Subject.StartsWith(WeekPrefix, StringComparison.Ordinal) ? Subject[WeekPrefix.Length..] : null, NumberStyles.None, CultureInfo.InvariantCulture, out week);

    public string? EventKey => Subject.StartsWith(EventPrefix, StringComparison.Ordinal) ? Subject[EventPrefix.Length..] : null;
}

using CohortBot.Core.Cohorts;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Digests;

/// <summary>
/// What the digest says about the weeks: the week in focus (the last one whose deadline has passed,
/// else the open one), its rates and who is missing it (by each participant's own deadlines: excused
/// and still-extended people are not), the rates of the weeks before it, who has missed two or more
/// weeks in a row up to it, and latest proofs whose image is the same as another participant's or
/// another week's. The database counts and finds the candidates (<see cref="IDigestQueries"/>);
/// whether a week without a proof is missed is decided here, by <see cref="OwnWeek"/>.
/// </summary>
public sealed class DigestFacts
{
    public const int TrendWeeks = 6;

    private DigestFacts(Week? focus)
    {
        Focus = focus;
    }

    public Week? Focus { get; }

    public WeekRate? Rate { get; private init; }

    /// <summary>The focus week and up to <see cref="TrendWeeks"/> - 1 weeks before it, oldest first.</summary>
    public IReadOnlyList<WeekRate> Trend { get; private init; } = [];

    /// <summary>Active participants missing the focus week, by name.</summary>
    public IReadOnlyList<Participant> Missing { get; private init; } = [];

    /// <summary>Missed the focus week and the one before (and maybe more): most weeks in a row first, then by name.</summary>
    public IReadOnlyList<(Participant Participant, int WeeksInARow)> AtRisk { get; private init; } = [];

    /// <summary>A later latest proof and the earliest other one with the same image, oldest pair first.</summary>
    public IReadOnlyList<DuplicatePair> Duplicates { get; private init; } = [];

    /// <param name="weeks">The cohort's weeks (any order).</param>
    public static async Task<DigestFacts> LoadAsync(IDigestQueries queries, long cohortId, IReadOnlyList<Week> weeks, DateTimeOffset now, CancellationToken ct)
    {
        // Three independent reads, started together so that they overlap (see DigestBuilder).
        var duplicatesRead = Task.Run(() => queries.DuplicatesAsync(cohortId, ct), ct);
        var upToFocus = UpToFocus(weeks, now);
        if (upToFocus.Count == 0)
        {
            return new DigestFacts(null) { Duplicates = await duplicatesRead };
        }

        var trendWeeks = upToFocus.TakeLast(TrendWeeks).ToList();
        var countsRead = Task.Run(() => queries.WeekCountsAsync(cohortId, [.. trendWeeks.Select(w => w.Id)], ct), ct);
        var withoutRead = Task.Run(() => queries.WithoutProofAsync(cohortId, [.. upToFocus.Select(w => w.Id)], ct), ct);
        var counts = (await countsRead).ToDictionary(c => c.WeekId);
        var trend = trendWeeks.Select(w => counts.TryGetValue(w.Id, out var c)
            ? new WeekRate(w, c.Expected, c.Submitted, c.Approved) { OnTime = c.OnTime }
            : new WeekRate(w, 0, 0, 0)).ToList();
        var (missing, atRisk) = WhoMissed(await withoutRead, upToFocus, now);
        return new DigestFacts(upToFocus[^1])
        {
            Rate = trend[^1],
            Trend = trend,
            Missing = missing,
            AtRisk = atRisk,
            Duplicates = await duplicatesRead,
        };
    }

    /// <summary>
    /// Only <see cref="AtRisk"/>, as the digest finds them (one read, nothing else of the digest):
    /// for the dashboard's "at risk" filter, so that it shows the people the digest names.
    /// </summary>
    /// <param name="weeks">The cohort's weeks (any order).</param>
    public static async Task<IReadOnlyList<(Participant Participant, int WeeksInARow)>> AtRiskAsync(IDigestQueries queries, long cohortId, IReadOnlyList<Week> weeks, DateTimeOffset now, CancellationToken ct)
    {
        var upToFocus = UpToFocus(weeks, now);
        return upToFocus.Count == 0 ? [] : WhoMissed(await queries.WithoutProofAsync(cohortId, [.. upToFocus.Select(w => w.Id)], ct), upToFocus, now).AtRisk;
    }

    /// <summary>
    /// Whether a week for which the participant has no proof that counts is missed: not when they
    /// are excused from it, nor while their own extended deadline is still ahead (what <c>/progress</c> shows them).
    /// </summary>
    public static bool IsMissing(OwnWeek own, DateTimeOffset now) => !own.Excused && !(own.Extended && own.Week.DueAt > now);

    /// <param name="weeks">Oldest first, the focus week last, as the store walked them back.</param>
    private static (List<Participant> Missing, List<(Participant, int)> AtRisk) WhoMissed(IReadOnlyList<WithoutProof> candidates, IReadOnlyList<Week> weeks, DateTimeOffset now)
    {
        var missing = new List<Participant>();
        var atRisk = new List<(Participant, int)>();
        foreach (var person in candidates.OrderBy(c => c.Participant.DisplayName, StringComparer.Ordinal).ThenBy(c => c.Participant.Id))
        {
            var run = 0;
            while (run < person.WeekIds.Count && run < weeks.Count && person.WeekIds[run] == weeks[^(run + 1)].Id
                   && IsMissing(OwnWeek.Of(weeks[^(run + 1)], person.Allowances), now))
            {
                run++;
            }

            if (run >= 1)
            {
                missing.Add(person.Participant);
            }

            if (run >= 2)
            {
                atRisk.Add((person.Participant, run));
            }
        }

        return (missing, [.. atRisk.OrderByDescending(a => a.Item2)]); // stable: name order within a run length
    }

    /// <summary>The weeks by due date up to the focus week (the last one whose deadline has passed, else the open one); none before anything is open.</summary>
    private static List<Week> UpToFocus(IReadOnlyList<Week> weeks, DateTimeOffset now)
    {
        var byDueDate = weeks.OrderBy(w => w.DueAt).ThenBy(w => w.Number).ToList();
        var focusIndex = LastIndex(byDueDate, w => w.DueAt <= now);
        if (focusIndex < 0)
        {
            focusIndex = LastIndex(byDueDate, w => w.StateAt(now) == WeekState.Open);
        }

        return byDueDate.Take(focusIndex + 1).ToList();
    }

    private static int LastIndex(IReadOnlyList<Week> weeks, Func<Week, bool> test)
    {
        for (var i = weeks.Count - 1; i >= 0; i--)
        {
            if (test(weeks[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>One week's numbers: expected (not excused), submitted (a proof that still counts), approved.</summary>
public sealed record WeekRate(Week Week, int Expected, int Submitted, int Approved)
{
    /// <summary>Of <see cref="Submitted"/>, sent by the deadline.</summary>
    public int OnTime { get; init; }

    public int SubmittedPercent => Percent(Submitted);

    public int ApprovedPercent => Percent(Approved);

    private int Percent(int count) => Expected == 0 ? 0 : (int)Math.Round(100.0 * count / Expected);
}

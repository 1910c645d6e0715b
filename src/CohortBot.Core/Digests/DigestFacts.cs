using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Submissions;

namespace CohortBot.Core.Digests;

/// <summary>
/// What the digest says about the weeks, computed once over every active participant's record:
/// the week in focus (the last one whose deadline has passed, else the open one), its rates and
/// who is missing it (by each participant's own deadlines: excused and still-extended people are
/// not), the rates of the weeks before it, who has missed two or more weeks in a row up to it, and
/// latest proofs whose image is the same as another participant's or another week's.
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

    public IReadOnlyList<ParticipantRecord> Missing { get; private init; } = [];

    /// <summary>Missed the focus week and the one before (and maybe more): most weeks in a row first, then by name.</summary>
    public IReadOnlyList<(ParticipantRecord Record, int WeeksInARow)> AtRisk { get; private init; } = [];

    /// <summary>A later latest proof and the earliest other one with the same image, oldest pair first.</summary>
    public IReadOnlyList<DuplicatePair> Duplicates { get; private init; } = [];

    /// <param name="people">Active participants, in the order lists should show them.</param>
    public static DigestFacts Compute(IReadOnlyList<ParticipantRecord> people, IReadOnlyList<Week> weeksByDueDate, DateTimeOffset now)
    {
        var focusIndex = LastIndex(weeksByDueDate, w => w.DueAt <= now);
        if (focusIndex < 0)
        {
            focusIndex = LastIndex(weeksByDueDate, w => w.StateAt(now) == WeekState.Open);
        }

        var duplicates = FindDuplicates(people);
        if (focusIndex < 0)
        {
            return new DigestFacts(null) { Duplicates = duplicates };
        }

        var focus = weeksByDueDate[focusIndex];
        var trend = weeksByDueDate.Take(focusIndex + 1).TakeLast(TrendWeeks).Select(w => RateOf(people, w)).ToList();
        var missing = new List<ParticipantRecord>();
        var atRisk = new List<(ParticipantRecord, int)>();
        foreach (var record in people)
        {
            if (!IsMissing(record, focus, now))
            {
                continue;
            }

            missing.Add(record);
            var run = 1;
            while (focusIndex - run >= 0 && IsMissing(record, weeksByDueDate[focusIndex - run], now))
            {
                run++;
            }

            if (run >= 2)
            {
                atRisk.Add((record, run));
            }
        }

        return new DigestFacts(focus)
        {
            Rate = trend[^1],
            Trend = trend,
            Missing = missing,
            AtRisk = [.. atRisk.OrderByDescending(a => a.Item2)], // stable: name order within a run length
            Duplicates = duplicates,
        };
    }

    /// <summary>A proof that still counts: the latest one, not rejected.</summary>
    public static bool HasProof(ParticipantRecord record, Week week) =>
        record.LatestWeekly.TryGetValue(week.Id, out var latest) && latest.Status != ReviewStatus.Rejected;

    /// <summary>
    /// No proof, not excused, and not someone whose own (extended) deadline is still ahead: the
    /// same facts <c>/progress</c> shows them.
    /// </summary>
    public static bool IsMissing(ParticipantRecord record, Week week, DateTimeOffset now)
    {
        if (HasProof(record, week))
        {
            return false;
        }

        var own = OwnWeek.Of(week, record.Allowances);
        return !own.Excused && !(own.Extended && own.Week.DueAt > now);
    }

    private static WeekRate RateOf(IReadOnlyList<ParticipantRecord> people, Week week)
    {
        int expected = 0, submitted = 0, approved = 0;
        foreach (var record in people)
        {
            if (record.ExcusedWeekIds.Contains(week.Id))
            {
                continue;
            }

            expected++;
            if (record.LatestWeekly.TryGetValue(week.Id, out var latest) && latest.Status != ReviewStatus.Rejected)
            {
                submitted++;
                approved += latest.Status == ReviewStatus.Approved ? 1 : 0;
            }
        }

        return new WeekRate(week, expected, submitted, approved);
    }

    private static List<DuplicatePair> FindDuplicates(IReadOnlyList<ParticipantRecord> people)
    {
        var byImage = new Dictionary<string, List<(ParticipantRecord Record, Submission Proof)>>(StringComparer.Ordinal);
        foreach (var record in people)
        {
            foreach (var proof in record.LatestWeekly.Values)
            {
                if (proof.File is { } file && proof.Status != ReviewStatus.Rejected)
                {
                    if (!byImage.TryGetValue(file.Sha256, out var same))
                    {
                        byImage[file.Sha256] = same = [];
                    }

                    same.Add((record, proof));
                }
            }
        }

        var pairs = new List<DuplicatePair>();
        foreach (var same in byImage.Values.Where(s => s.Count > 1))
        {
            same.Sort((a, b) => a.Proof.SubmittedAt != b.Proof.SubmittedAt ? a.Proof.SubmittedAt.CompareTo(b.Proof.SubmittedAt) : a.Proof.Id.CompareTo(b.Proof.Id));
            var first = same[0];
            pairs.AddRange(same.Skip(1).Select(later => new DuplicatePair(later.Record, later.Proof, first.Record, first.Proof)));
        }

        return [.. pairs.OrderBy(p => p.Proof.SubmittedAt).ThenBy(p => p.Proof.Id)];
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
    public int SubmittedPercent => Percent(Submitted);

    public int ApprovedPercent => Percent(Approved);

    private int Percent(int count) => Expected == 0 ? 0 : (int)Math.Round(100.0 * count / Expected);
}

/// <summary>A latest proof whose image was already sent, earlier, by another participant or for another week.</summary>
public sealed record DuplicatePair(ParticipantRecord Participant, Submission Proof, ParticipantRecord Other, Submission OtherProof);

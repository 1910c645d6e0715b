using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Digests;
using CohortBot.Core.Participants;
using CohortBot.Core.Reviews;
using CohortBot.Core.Submissions;

namespace CohortBot.Storage.Tests.Digests;

/// <summary>
/// The digest's figures the way they were computed before issue 16's SQL: from every participant's
/// whole record (<see cref="ICompletionRecords"/>, the latest attempt per week picked in memory),
/// proof by proof, with <see cref="OwnWeek"/> for each week. The reference the SQL must equal.
/// </summary>
internal sealed record InMemoryDigest(
    Week? Focus,
    IReadOnlyList<WeekRate> Trend,
    IReadOnlyList<Participant> Missing,
    IReadOnlyList<(Participant Participant, int WeeksInARow)> AtRisk,
    IReadOnlyList<DuplicatePair> Duplicates,
    ReviewBacklog Backlog,
    CertificateTally Certificates)
{
    public static InMemoryDigest Compute(IReadOnlyList<ParticipantRecord> all, IReadOnlyList<Week> weeks, DateTimeOffset now)
    {
        var people = all.Where(r => r.Participant.Status == ParticipantStatus.Active)
            .OrderBy(r => r.Participant.DisplayName, StringComparer.Ordinal).ThenBy(r => r.Participant.Id).ToList();
        var byDueDate = weeks.OrderBy(w => w.DueAt).ThenBy(w => w.Number).ToList();
        var focusIndex = byDueDate.FindLastIndex(w => w.DueAt <= now);
        if (focusIndex < 0)
        {
            focusIndex = byDueDate.FindLastIndex(w => w.StateAt(now) == WeekState.Open);
        }

        var missing = new List<Participant>();
        var atRisk = new List<(Participant, int)>();
        var trend = new List<WeekRate>();
        if (focusIndex >= 0)
        {
            trend.AddRange(byDueDate.Take(focusIndex + 1).TakeLast(DigestFacts.TrendWeeks).Select(w => RateOf(people, w)));
            foreach (var record in people.Where(r => IsMissing(r, byDueDate[focusIndex], now)))
            {
                missing.Add(record.Participant);
                var run = 1;
                while (focusIndex - run >= 0 && IsMissing(record, byDueDate[focusIndex - run], now))
                {
                    run++;
                }

                if (run >= 2)
                {
                    atRisk.Add((record.Participant, run));
                }
            }
        }

        return new InMemoryDigest(
            focusIndex < 0 ? null : byDueDate[focusIndex], trend, missing, [.. atRisk.OrderByDescending(a => a.Item2)],
            DuplicatesOf(people), BacklogOf(all), CertificatesOf(people));
    }

    private static bool IsMissing(ParticipantRecord record, Week week, DateTimeOffset now) =>
        !(record.LatestWeekly.TryGetValue(week.Id, out var latest) && latest.Status != ReviewStatus.Rejected)
        && DigestFacts.IsMissing(OwnWeek.Of(week, record.Allowances), now);

    private static WeekRate RateOf(IReadOnlyList<ParticipantRecord> people, Week week)
    {
        var expected = people.Where(r => !OwnWeek.Of(week, r.Allowances).Excused).ToList();
        var counting = expected.Select(r => r.LatestWeekly.GetValueOrDefault(week.Id)).Where(s => s is not null && s.Status != ReviewStatus.Rejected).ToList();
        return new WeekRate(week, expected.Count, counting.Count, counting.Count(s => s!.Status == ReviewStatus.Approved))
        {
            OnTime = counting.Count(s => !s!.IsLate),
        };
    }

    private static List<DuplicatePair> DuplicatesOf(IReadOnlyList<ParticipantRecord> people)
    {
        var pairs = new List<DuplicatePair>();
        var withImages = people.SelectMany(r => r.LatestWeekly.Values.Where(s => s.File is not null && s.Status != ReviewStatus.Rejected).Select(s => (r.Participant, Proof: s)));
        foreach (var same in withImages.GroupBy(x => x.Proof.File!.Sha256).Select(g => g.OrderBy(x => x.Proof.SubmittedAt).ThenBy(x => x.Proof.Id).ToList()))
        {
            var first = same[0];
            pairs.AddRange(same.Skip(1).Select(later => new DuplicatePair(later.Participant, Listed(later.Proof), first.Participant, Listed(first.Proof))));
        }

        return [.. pairs.OrderBy(p => p.Proof.SubmittedAt).ThenBy(p => p.Proof.Id)];
    }

    private static ListedProof Listed(Submission s) => new(s.Id, s.WeekNumber, s.SubmittedAt);

    private static ReviewBacklog BacklogOf(IReadOnlyList<ParticipantRecord> all)
    {
        var weekly = all.SelectMany(r => r.LatestWeekly.Values.Where(s => s.Status == ReviewStatus.Pending).Select(s => (r.Participant, Proof: new ProofRef(ProofKind.Weekly, s.Id), s.SubmittedAt)));
        var certificates = all.Where(r => r.LatestCertificate?.Status == ReviewStatus.Pending)
            .Select(r => (r.Participant, Proof: new ProofRef(ProofKind.Certificate, r.LatestCertificate!.Id), r.LatestCertificate.SubmittedAt));
        var pending = weekly.Concat(certificates).ToList();
        var oldest = pending.Where(x => x.Participant.Status == ParticipantStatus.Active)
            .OrderBy(x => x.SubmittedAt).ThenBy(x => x.Proof.Kind == ProofKind.Weekly ? 0 : 1).ThenBy(x => x.Proof.Id)
            .Select(x => new OldestPending(x.Proof, x.Participant.Id, x.Participant.DisplayName, x.Participant.Handle, x.SubmittedAt))
            .FirstOrDefault();
        return new ReviewBacklog(pending.Count(x => x.Proof.Kind == ProofKind.Weekly), pending.Count(x => x.Proof.Kind == ProofKind.Certificate)) { Oldest = oldest };
    }

    private static CertificateTally CertificatesOf(IReadOnlyList<ParticipantRecord> people) => new(
        people.Count(r => r.LatestCertificate?.Status == ReviewStatus.Approved),
        people.Count(r => r.LatestCertificate?.Status == ReviewStatus.Pending),
        people.Count(r => r.LatestCertificate?.Status == ReviewStatus.Rejected),
        people.Count(r => r.LatestCertificate is null));
}

using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Participants;
using CohortBot.Core.Reviews;
using CohortBot.Core.Roster;
using CohortBot.Core.Submissions;
using Xunit;
using static CohortBot.Testing.SampleCohort;

namespace CohortBot.Testing;

/// <summary>
/// A cohort with a history holding every exception the rules know, seeded once for a test class
/// (its tests only read it): 48 people over six weeks, written through the stores as the bot writes
/// them (so the superseded marks come from the database's trigger): proofs on time, late, rejected,
/// rejected and sent again, approved and replaced by a rejected one, missing; images, some shared
/// across people and weeks; excused weeks, extensions later and earlier than the cohort's;
/// certificates sent twice; and people dropped afterwards, one of them holding the oldest pending proof.
/// On the suite's database (<see cref="TestStorage"/>): SQLite, or PostgreSQL in CI's second pass.
/// </summary>
public sealed class SeededHistory : IAsyncLifetime
{
    public const int People = 48;

    /// <summary>Week 1 open and nothing due yet; weeks 1-2 due; weeks 1-4 due (week 4 extensions still ahead); all due.</summary>
    public static readonly TheoryData<DateTimeOffset> Moments = new()
    {
        Kst(2026, 9, 17, 12, 0),
        Kst(2026, 9, 30, 12, 0),
        Kst(2026, 10, 14, 12, 0),
        Kst(2026, 11, 30, 12, 0),
    };

    public CohortServices Services { get; private set; } = null!;

    public Cohort Cohort { get; private set; } = null!;

    public IReadOnlyList<Week> Weeks { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Services = await CohortServices.StartAsync(definition: Definition(d => d with { Weeks = SixWeeks() }));
        Cohort = (await Services.Get<ICohortStore>().FindAsync("test-cohort", CancellationToken.None))!;
        Weeks = await Services.Get<ICohortStore>().WeeksAsync(Cohort.Id, CancellationToken.None);
        await SeedAsync(Services, Cohort.Id, Weeks);
    }

    public async Task DisposeAsync() => await Services.DisposeAsync();

    private static IReadOnlyList<WeekDefinition> SixWeeks() =>
        [.. Enumerable.Range(0, 6).Select(i => new WeekDefinition(i + 1, $"Week {i + 1}", null, Kst(2026, 9, 14, 0, 0).AddDays(7 * i), Kst(2026, 9, 20, 23, 59).AddDays(7 * i), null, 0))];

    private static async Task SeedAsync(CohortServices services, long cohortId, IReadOnlyList<Week> weeks)
    {
        var random = new Random(16);
        var directory = services.Get<IParticipantStore>();
        var submissions = services.Get<ISubmissionStore>();
        var reviews = services.Get<IReviewQueue>();
        var allowances = services.Get<IAllowanceStore>();
        var people = new List<Participant>();
        for (var i = 0; i < People; i++)
        {
            var platform = (i % 3) switch { 0 => "discord", 1 => "slack", _ => "terminal" };
            var name = i % 7 == 0 ? "Kim Minjun" : $"p{i % 20:D2}";
            people.Add(await directory.RegisterAsync(cohortId, new PlatformUser(platform, $"u{i:D3}", name), Kst(2026, 9, 1, 9, 0), CancellationToken.None));
        }

        async Task DecideAsync(Submission s, bool approve, DateTimeOffset at) =>
            await reviews.DecideAsync(cohortId, new ProofRef(ProofKind.Weekly, s.Id), new ReviewDecision(approve, approve ? null : "blurry", "org", at), null, CancellationToken.None);

        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            foreach (var week in weeks)
            {
                var roll = random.Next(100);
                if (roll < 18 || (i % 11 == 3 && week.Number >= 3))
                {
                    continue; // nothing sent; every eleventh person stops after week 2
                }

                var late = roll is >= 60 and < 70;
                var at = week.DueAt.AddHours(late ? random.Next(1, 60) : -random.Next(1, 100)).AddMinutes(i);
                ProofFile? image = random.Next(100) < 35
                    ? new ProofFile(random.Next(100) < 45 ? new string((char)('a' + random.Next(6)), 64) : Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), "image/png", 1024)
                    : null;
                var first = await submissions.RecordWeeklyAsync(new NewSubmission(cohortId, person.Id, week.Id, at, image is null ? "https://example.com/p" : null, image, null, late), CancellationToken.None);
                switch (roll)
                {
                    case < 40:
                        await DecideAsync(first, approve: true, at.AddHours(1));
                        break;
                    case < 50:
                        await DecideAsync(first, approve: false, at.AddHours(1));
                        break;
                    case < 75:
                        break; // waiting for review
                    case < 85:
                        await DecideAsync(first, approve: false, at.AddHours(1));
                        var again = await submissions.RecordWeeklyAsync(new NewSubmission(cohortId, person.Id, week.Id, at.AddHours(2), "https://example.com/again", null, null, late), CancellationToken.None);
                        if (roll < 80)
                        {
                            await DecideAsync(again, approve: true, at.AddHours(3));
                        }

                        break;
                    default:
                        await DecideAsync(first, approve: true, at.AddHours(1));
                        var replaced = await submissions.RecordWeeklyAsync(new NewSubmission(cohortId, person.Id, week.Id, at.AddHours(2), "https://example.com/other", null, null, true), CancellationToken.None);
                        await DecideAsync(replaced, approve: false, at.AddHours(3));
                        break;
                }
            }

            if (i % 3 == 0)
            {
                var certificate = await submissions.RecordCertificateAsync(new NewCertificateSubmission(cohortId, person.Id, "tf-developer", Kst(2026, 10, 20, 9, 0).AddMinutes(i), "https://example.com/c", null, false), CancellationToken.None);
                if (i % 2 == 0)
                {
                    await reviews.DecideAsync(cohortId, new ProofRef(ProofKind.Certificate, certificate.Id), new ReviewDecision(i % 4 == 0, "not this one", "org", Kst(2026, 10, 21, 9, 0)), null, CancellationToken.None);
                    if (i % 12 == 0)
                    {
                        await submissions.RecordCertificateAsync(new NewCertificateSubmission(cohortId, person.Id, "gcp-ml-engineer", Kst(2026, 10, 22, 9, 0).AddMinutes(i), "https://example.com/c2", null, false), CancellationToken.None);
                    }
                }
            }

            if (i % 6 == 1)
            {
                await allowances.ExcuseWeekAsync(cohortId, person.Id, weeks[(i / 6) % weeks.Count].Id, "sick", "org", Kst(2026, 9, 15, 9, 0), limit: 3, null, CancellationToken.None);
            }

            if (i % 5 == 2)
            {
                // Week 4 (due 10-11) to 10-21 or, for some, a date earlier than the cohort's, which changes nothing.
                var week = weeks.Single(w => w.Number == (i % 10 == 2 ? 4 : 1 + (i % 6)));
                var until = i % 15 == 7 ? week.DueAt.AddDays(-2) : week.DueAt.AddDays(10);
                await allowances.ExtendAsync(cohortId, person.Id, week.Id, until, "org", Kst(2026, 9, 15, 9, 0), null, CancellationToken.None);
            }
        }

        // The earliest pending proof of all, from someone then dropped: the oldest shown must be another's.
        await submissions.RecordWeeklyAsync(new NewSubmission(cohortId, people[5].Id, weeks[0].Id, Kst(2026, 9, 14, 0, 1), null, new ProofFile(new string('a', 64), "image/png", 1024), null, false), CancellationToken.None);
        // Someone dropped, excused from a week they nevertheless sent a proof for: left out of that week's figures once.
        await submissions.RecordWeeklyAsync(new NewSubmission(cohortId, people[20].Id, weeks[1].Id, weeks[1].DueAt.AddHours(-3), "https://example.com/x", null, null, false), CancellationToken.None);
        await allowances.ExcuseWeekAsync(cohortId, people[20].Id, weeks[1].Id, "travel", "org", Kst(2026, 9, 15, 9, 0), limit: 3, null, CancellationToken.None);
        foreach (var dropped in new[] { 5, 9, 20, 33 })
        {
            await services.Get<IRosterAdmin>().SetStatusAsync(people[dropped].Id, ParticipantStatus.Dropped, null, CancellationToken.None);
        }
    }
}

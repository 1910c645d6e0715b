using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Digests;
using CohortBot.Core.Participants;
using CohortBot.Core.Reviews;
using CohortBot.Core.Roster;
using CohortBot.Core.Submissions;
using CohortBot.Host.Dashboard;
using CohortBot.Testing;
using static CohortBot.Testing.SampleCohort;

namespace CohortBot.Dashboard.Tests;

public sealed class AtRiskTests
{
    /// <summary>Monday 2026-10-05 12:00 KST: all three weeks of the sample cohort are past their deadline.</summary>
    private static readonly DateTimeOffset Now = Kst(2026, 10, 5, 12, 0);

    [Fact]
    public async Task AtRisk_IsTheDigests_TwoOrMoreWeeksInARowWithoutAProofThatCounts_UpToTheLastWeekDue()
    {
        await using var services = await CohortServices.StartAsync();
        var cohort = (await services.Get<ICohortStore>().FindAsync("test-cohort", CancellationToken.None))!;
        var weeks = (await services.Get<ICohortStore>().WeeksAsync(cohort.Id, CancellationToken.None)).OrderBy(w => w.Number).ToList();
        var people = new History(services, cohort.Id, weeks);
        await people.AddAsync("ann", (1, ReviewStatus.Approved, false));                                      // weeks 2 and 3 missed
        await people.AddAsync("bob", (1, ReviewStatus.Rejected, false), (2, ReviewStatus.Pending, true));     // only week 3
        await people.AddAsync("cat");                                                                         // all three
        await people.AddAsync("dan", (1, ReviewStatus.Approved, false), (2, ReviewStatus.Rejected, false));  // a rejected proof is no proof
        var eve = await people.AddAsync("eve");                                                               // excused from week 2
        await services.Get<IAllowanceStore>().ExcuseWeekAsync(cohort.Id, eve.Id, weeks[1].Id, "sick", "org", Now, limit: 3, null, CancellationToken.None);
        var fay = await people.AddAsync("fay", (1, ReviewStatus.Approved, false));                            // week 3 extended past now
        await services.Get<IAllowanceStore>().ExtendAsync(cohort.Id, fay.Id, weeks[2].Id, Now.AddDays(2), "org", Now, null, CancellationToken.None);
        var gus = await people.AddAsync("gus");                                                               // dropped
        await services.Get<IRosterAdmin>().SetStatusAsync(gus.Id, ParticipantStatus.Dropped, null, CancellationToken.None);
        var grid = new ParticipantGrid(services.Get<ICohortStore>(), services.Get<ICompletionRecords>(), services.Get<IDigestQueries>());

        var page = await grid.PageAsync(cohort, null, atRiskOnly: true, 1, 100, Now, CancellationToken.None);
        var digest = await DigestFacts.LoadAsync(services.Get<IDigestQueries>(), cohort.Id, weeks, Now, CancellationToken.None);

        Assert.Equal(["ann", "cat", "dan"], page.Rows.Select(r => r.Participant.DisplayName));
        Assert.Equal(digest.AtRisk.Select(a => a.Participant.Id).Order(), page.Rows.Select(r => r.Participant.Id).Order());
        Assert.Equal([GridCell.Approved, GridCell.Rejected, GridCell.Missing], page.Rows.Single(r => r.Participant.DisplayName == "dan").Cells);
        Assert.Equal(7, (await grid.PageAsync(cohort, null, atRiskOnly: false, 1, 100, Now, CancellationToken.None)).Matched);
    }

    private sealed class History(CohortServices services, long cohortId, IReadOnlyList<Week> weeks)
    {
        public async Task<Participant> AddAsync(string name, params (int Week, ReviewStatus Status, bool Late)[] proofs)
        {
            var person = await services.Get<IParticipantStore>().RegisterAsync(cohortId, new PlatformUser("terminal", name, name), Kst(2026, 9, 1, 9, 0), CancellationToken.None);
            foreach (var (number, status, late) in proofs)
            {
                var week = weeks[number - 1];
                var at = late ? week.DueAt.AddHours(1) : week.DueAt.AddHours(-1);
                var proof = await services.Get<ISubmissionStore>().RecordWeeklyAsync(new NewSubmission(cohortId, person.Id, week.Id, at, "https://example.com/p", null, null, late), CancellationToken.None);
                if (status != ReviewStatus.Pending)
                {
                    var approve = status == ReviewStatus.Approved;
                    await services.Get<IReviewQueue>().DecideAsync(cohortId, new ProofRef(ProofKind.Weekly, proof.Id), new ReviewDecision(approve, approve ? null : "blurry", "org", at.AddHours(1)), null, CancellationToken.None);
                }
            }

            return person;
        }
    }
}

using CohortBot.Storage;
using CohortBot.Core.Audit;
using CohortBot.Core.Commands;
using CohortBot.Core.Reviews;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Organizers.Tests;

public sealed class AutoApprovalTests
{
    [Theory]
    [InlineData("https://coursera.org/verify/ABC", true)]
    [InlineData("https://www.coursera.org/account/accomplishments/verify/ABC", true)]
    [InlineData("https://evilcoursera.org/verify/ABC", false)]
    [InlineData("https://coursera.org.example.com/verify/ABC", false)]
    [InlineData("http://coursera.org/verify/ABC", false)]
    [InlineData("https://example.com/ABC", false)]
    public async Task LinkProof_FromAnAllowListedDomain_IsApprovedOnArrival(string url, bool approved)
    {
        await using var f = await OrganizerFixture.CreateAsync(configure: s => s.Configure<ReviewOptions>(o => o.AutoApproveDomains.Add("coursera.org")));
        f.At("2026-09-15 10:00");

        var reply = await f.RunAsync("minjun", "submit", ("week", 1L), ("url", url));

        Assert.Equal(approved, reply.Text.Contains("approved automatically", StringComparison.Ordinal));
        var latest = await f.Get<ISubmissionStore>().LatestWeeklyAsync(await ReviewQueueTests.ParticipantIdAsync(f, "minjun"), CancellationToken.None);
        Assert.Equal(approved ? ReviewStatus.Approved : ReviewStatus.Pending, latest.Single().Status);
        Assert.Equal(approved, (await f.RunAsync(OrganizerFixture.OrgA, "review")).Text == "No proofs are waiting for review.");
    }

    [Fact]
    public async Task WithoutAllowList_NothingIsApprovedAutomatically()
    {
        await using var f = await OrganizerFixture.CreateAsync();
        f.At("2026-09-15 10:00");
        var reply = await f.RunAsync("minjun", "submit", ("week", 1L), ("url", "https://coursera.org/verify/ABC"));
        Assert.DoesNotContain("automatically", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProof_ItsApproval_AndItsAuditEntry_CommitTogether_OrNotAtAll()
    {
        await using var f = await OrganizerFixture.CreateAsync(configure: s => s.Configure<ReviewOptions>(o => o.AutoApproveDomains.Add("coursera.org")));
        f.At("2026-09-15 10:00");
        var connections = f.Get<Database>();
        // The audit log refuses every entry: the approval and the proof must go with it.
        await connections.ExecuteAsync(TestStorage.RefuseInserts(connections.Dialect, "audit_log", "refuse_audit", "audit refused"), null, default);

        var refused = await f.RunAsync("minjun", "submit", ("week", 1L), ("url", "https://coursera.org/verify/ABC"));

        Assert.Equal(ReplyTone.Error, refused.Tone);
        var participant = await ReviewQueueTests.ParticipantIdAsync(f, "minjun");
        Assert.Empty(await f.Get<ISubmissionStore>().LatestWeeklyAsync(participant, CancellationToken.None));

        await connections.ExecuteAsync(TestStorage.DropRefusal(connections.Dialect, "audit_log", "refuse_audit"), null, default);
        var accepted = await f.RunAsync("minjun", "submit", ("week", 1L), ("url", "https://coursera.org/verify/ABC"));

        Assert.Contains("approved automatically", accepted.Text, StringComparison.Ordinal);
        var saved = (await f.Get<ISubmissionStore>().LatestWeeklyAsync(participant, CancellationToken.None)).Single();
        Assert.Equal((ReviewStatus.Approved, 1), (saved.Status, saved.Attempt));
        var entry = Assert.Single(await f.Get<IAuditLog>().RecentAsync(f.CohortId, 10, CancellationToken.None), e => e.Action == "review.auto_approve");
        Assert.Equal(new ProofRef(ProofKind.Weekly, saved.Id).ToString(), entry.Subject);
    }

    [Fact]
    public async Task AReviewDecision_AndItsAuditEntry_CommitTogether_OrNotAtAll()
    {
        await using var f = await OrganizerFixture.CreateAsync();
        f.At("2026-09-15 10:00");
        await f.RunAsync("minjun", "submit", ("week", 1L), ("url", "https://example.com/proof"));
        var card = await f.RunAsync(OrganizerFixture.OrgA, "review");
        var proof = card.Buttons.First().Action;
        var connections = f.Get<Database>();
        await connections.ExecuteAsync(TestStorage.RefuseInserts(connections.Dialect, "audit_log", "refuse_audit", "audit refused"), null, default);

        var refused = await f.RunAsync(ButtonAction.TryParse(proof, out var approve) ? new Invocation(approve.Command, approve.Options.ToDictionary(o => o.Key, o => (object?)o.Value), OrganizerFixture.User(OrganizerFixture.OrgA)) : throw new InvalidOperationException(proof));

        Assert.Equal(ReplyTone.Error, refused.Tone);
        var participant = await ReviewQueueTests.ParticipantIdAsync(f, "minjun");
        Assert.Equal(ReviewStatus.Pending, (await f.Get<ISubmissionStore>().LatestWeeklyAsync(participant, CancellationToken.None)).Single().Status);
        Assert.DoesNotContain(await f.Get<IAuditLog>().RecentAsync(f.CohortId, 10, CancellationToken.None), e => e.Action == "review.approve");
    }
}

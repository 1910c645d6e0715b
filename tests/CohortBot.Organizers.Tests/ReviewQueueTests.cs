using CohortBot.Core.Audit;
using CohortBot.Core.Commands;
using CohortBot.Core.Participants;
using CohortBot.Core.Reviews;
using CohortBot.Core.Submissions;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

public sealed class ReviewQueueTests
{
    [Fact]
    public async Task Review_ShowsOldestPendingProof_WithParticipantWeekTimeLateFlagAndButtons()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await Submit(f, "minjun", 1, "https://coursera.org/verify/A1");
        f.At("2026-09-21 08:00");
        await Submit(f, "seoyeon", 1, "https://coursera.org/verify/B1");

        var card = await f.RunAsync(OrgA, "review");

        Assert.Equal("Week 1 proof from 김민준", card.Title);
        Assert.Contains(card.Fields, x => x.Value.Contains("https://coursera.org/verify/A1", StringComparison.Ordinal));
        Assert.Contains(card.Fields, x => x.Value.EndsWith("on time", StringComparison.Ordinal));
        Assert.Equal(["Approve", "Reject"], card.Buttons.Select(b => b.Label));
        Assert.Contains("1 more waiting", card.Text, StringComparison.Ordinal);
        Assert.True(ButtonAction.TryParse(card.Buttons[0].Action, out var approve));
        Assert.Equal("approve", approve.Command);

        var second = await f.RunAsync(OrgB, "review");
        Assert.Equal("Week 1 proof from 이서연", second.Title);
        Assert.Contains(second.Fields, x => x.Value.EndsWith("late", StringComparison.Ordinal) && !x.Value.EndsWith("on time", StringComparison.Ordinal));
        Assert.Equal(ReplyTone.Warning, second.Tone);
    }

    [Fact]
    public async Task Review_Again_ByTheSameReviewer_ShowsTheProofTheyHold()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await Submit(f, "minjun", 1, "https://example.com/a");
        await Submit(f, "seoyeon", 1, "https://example.com/b");

        var first = await f.RunAsync(OrgA, "review");
        var again = await f.RunAsync(OrgA, "review");

        Assert.Equal(first.Title, again.Title);
    }

    [Fact]
    public async Task Review_TwoReviewersAtOnce_NeverGetTheSameProof()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        foreach (var member in OrganizerFixture.Members)
        {
            await Submit(f, member, 1, $"https://example.com/{member}");
        }

        // Many rounds of two organizers pressing /review in the same instant.
        var seen = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            var replies = await Task.WhenAll(f.RunAsync(OrgA, "review"), f.RunAsync(OrgB, "review"));
            var proofs = replies.Select(ProofOf).ToList();
            Assert.NotEqual(proofs[0], proofs[1]);
            seen.AddRange(proofs);
            await Task.WhenAll(f.RunAsync(OrgA, "approve", ("proof", proofs[0])), f.RunAsync(OrgB, "approve", ("proof", proofs[1])));
        }

        Assert.Equal(4, seen.Distinct().Count());
        var empty = await f.RunAsync(OrgA, "review");
        Assert.Equal("No proofs are waiting for review.", empty.Text);
    }

    [Fact]
    public async Task Review_ManyConcurrentClaims_HandOutEachProofOnce()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        foreach (var member in OrganizerFixture.Members)
        {
            await Submit(f, member, 1, $"https://example.com/{member}");
        }

        var queue = f.Get<IReviewQueue>();
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => queue.ClaimNextAsync(f.CohortId, null, $"terminal:r{i}", f.Clock.GetUtcNow(), TimeSpan.FromMinutes(10), CancellationToken.None))));

        var won = claims.OfType<ReviewItem>().Select(c => c.Proof).ToList();
        Assert.Equal(4, won.Count);
        Assert.Equal(4, won.Distinct().Count());
    }

    [Fact]
    public async Task Approve_ByAnotherReviewer_WhileClaimed_IsRefused_ButAfterTheLease_Works()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await Submit(f, "minjun", 1, "https://example.com/a");
        var proof = ProofOf(await f.RunAsync(OrgA, "review"));

        var refused = await f.RunAsync(OrgB, "approve", ("proof", proof));
        Assert.Equal(ReplyTone.Warning, refused.Tone);
        Assert.Contains("terminal:org-a is reviewing", refused.Text, StringComparison.Ordinal);
        Assert.Equal("No proofs are waiting for review.", (await f.RunAsync(OrgB, "review")).Text);
        Assert.Empty(f.Dms.DirectMessages);

        f.Clock.Advance(TimeSpan.FromMinutes(10));
        var taken = await f.RunAsync(OrgB, "review");
        Assert.Equal(proof, ProofOf(taken));
        var done = await f.RunAsync(OrgB, "approve", ("proof", proof));
        Assert.StartsWith("Approved the week 1 proof of 김민준", done.Text, StringComparison.Ordinal);

        var late = await f.RunAsync(OrgA, "approve", ("proof", proof));
        Assert.Contains("already been reviewed: approved", late.Text, StringComparison.Ordinal);
        Assert.Single(f.Dms.DirectMessages);
    }

    [Fact]
    public async Task Approve_TellsTheParticipant_RecordsAudit_AndShowsTheNextProof()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await Submit(f, "minjun", 1, "https://example.com/a");
        await Submit(f, "seoyeon", 1, "https://example.com/b");
        var proof = ProofOf(await f.RunAsync(OrgA, "review"));

        var reply = await f.RunAsync(OrgA, "approve", ("proof", proof));

        Assert.StartsWith("Approved the week 1 proof of 김민준 (#1 · terminal:minjun); they have been told.", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Week 1 proof from 이서연", reply.Title);
        var dm = Assert.Single(f.Dms.To("minjun"));
        Assert.Equal("Your proof for week 1 has been approved. Thank you!", dm.Text);
        var latest = await f.Get<ISubmissionStore>().LatestWeeklyAsync(await ParticipantIdAsync(f, "minjun"), CancellationToken.None);
        Assert.Equal(ReviewStatus.Approved, latest.Single().Status);

        var entry = Assert.Single(await f.Get<IAuditLog>().RecentAsync(f.CohortId, 10, CancellationToken.None));
        Assert.Equal(("terminal:org-a", "review.approve", proof), (entry.Actor, entry.Action, entry.Subject));
        Assert.Contains("\"status\":\"approved\"", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_WithoutReason_AsksForItInAForm_ThenTellsTheParticipantHowToResubmit()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await Submit(f, "minjun", 1, "https://example.com/a");
        var card = await f.RunAsync(OrgA, "review", ("week", 1L));
        Assert.True(ButtonAction.TryParse(card.Buttons[1].Action, out var reject));
        Assert.Equal("1", reject.Options["week"]);

        var form = await f.RunAsync(new Invocation(reject.Command, reject.Options.ToDictionary(o => o.Key, o => (object?)o.Value), new("terminal", OrgA, OrgA)));
        Assert.NotNull(form.Form);
        Assert.Equal("reject", form.Form!.Command);
        Assert.Equal(reject.Options["proof"], form.Form.Fixed["proof"]);
        Assert.Equal("reason", Assert.Single(form.Form.Fields).Option);
        Assert.Empty(f.Dms.DirectMessages);

        var done = await f.RunAsync(OrgA, "reject", ("proof", reject.Options["proof"]), ("reason", "The screenshot shows week 2, not week 1."), ("week", "1"));
        Assert.StartsWith("Rejected the week 1 proof of 김민준 (#1 · terminal:minjun) (The screenshot shows week 2, not week 1.)", done.Text, StringComparison.Ordinal);
        Assert.Contains("No proofs of week 1", done.Text, StringComparison.Ordinal);
        var dm = Assert.Single(f.Dms.To("minjun"));
        Assert.StartsWith("Your proof for week 1 was not accepted: The screenshot shows week 2, not week 1.\nPlease send a new one with /submit week:1 before ⟦t:", dm.Text, StringComparison.Ordinal);
        Assert.Equal("submit?week=1", Assert.Single(dm.Buttons).Action);
    }

    [Fact]
    public async Task Resubmission_ReplacesThePendingProof_AndTheOldOneIsSuperseded()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await Submit(f, "minjun", 1, "https://example.com/old");
        var old = ProofOf(await f.RunAsync(OrgA, "review"));
        await Submit(f, "minjun", 1, "https://example.com/new");

        var superseded = await f.RunAsync(OrgA, "approve", ("proof", old));
        Assert.Contains("newer proof", superseded.Text, StringComparison.Ordinal);

        var card = await f.RunAsync(OrgA, "review");
        Assert.NotEqual(old, ProofOf(card));
        Assert.Contains(card.Fields, x => x.Value == "https://example.com/new");
    }

    [Fact]
    public async Task Review_OfAWeek_ShowsOnlyThatWeek_AndCertificatesJoinTheGeneralQueue()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-22 10:00");
        await Submit(f, "minjun", 1, "https://example.com/w1");
        await f.RunAsync("seoyeon", "cert", ("type", "tf"), ("url", "https://credential.example.com/x"));
        await Submit(f, "jiho", 2, "https://example.com/w2");

        var week2 = await f.RunAsync(OrgA, "review", ("week", 2L));
        Assert.Equal("Week 2 proof from 박지호", week2.Title);
        var general = await f.RunAsync(OrgB, "review");
        Assert.Equal("Week 1 proof from 김민준", general.Title);
        await f.RunAsync(OrgB, "approve", ("proof", ProofOf(general)));
        var cert = await f.RunAsync(OrgB, "review");
        Assert.Equal("Certificate (tf) from 이서연", cert.Title);
        await f.RunAsync(OrgB, "approve", ("proof", ProofOf(cert)));
        Assert.Equal("Your certificate (tf) has been approved. Congratulations!", Assert.Single(f.Dms.To("seoyeon")).Text);
    }

    [Fact]
    public async Task Review_OfAnImageProof_AttachesTheStoredImage()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        var png = CohortBot.Testing.TestImages.Png(1234);
        var attachment = new InvocationAttachment("shot.png", png.Length, _ => Task.FromResult<Stream>(new MemoryStream(png)));
        await f.RunAsync("minjun", "submit", ("week", 1L), ("file", attachment));

        var card = await f.RunAsync(OrgA, "review");

        var file = Assert.Single(card.Files);
        Assert.Equal(png, file.Content);
        Assert.Equal("image/png", file.ContentType);
        Assert.Matches(@"^proof-w\d+\.png$", file.FileName);
    }

    [Theory]
    [InlineData("x12")]
    [InlineData("w")]
    [InlineData("w-3")]
    public async Task Approve_OfAMalformedProofId_SaysWhatAProofIdLooksLike(string proof)
    {
        await using var f = await CreateAsync();
        var reply = await f.RunAsync(OrgA, "approve", ("proof", proof));
        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains("look like w12", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_OfAnUnknownProof_IsNotFound()
    {
        await using var f = await CreateAsync();
        var reply = await f.RunAsync(OrgA, "approve", ("proof", "w999"));
        Assert.Equal("There is no proof w999 in this cohort.", reply.Text);
    }

    internal static async Task Submit(OrganizerFixture f, string user, int week, string url)
    {
        var reply = await f.RunAsync(user, "submit", ("week", (long)week), ("url", url));
        Assert.NotEqual(ReplyTone.Error, reply.Tone);
    }

    internal static string ProofOf(Reply card)
    {
        Assert.True(ButtonAction.TryParse(card.Buttons[0].Action, out var action), card.Text);
        return action.Options["proof"];
    }

    internal static async Task<long> ParticipantIdAsync(OrganizerFixture f, string user) =>
        (await f.Get<IParticipantStore>().FindByIdentityAsync(f.CohortId, "terminal", user, CancellationToken.None))!.Id;
}

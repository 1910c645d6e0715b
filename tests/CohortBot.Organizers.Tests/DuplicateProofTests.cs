using CohortBot.Core.Commands;
using CohortBot.Core.Participants;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

/// <summary>Proof images are stored by SHA-256: the same image sent again is found and shown as a duplicate on the review card.</summary>
public sealed class DuplicateProofTests
{
    private static readonly byte[] Png = CohortBot.Testing.TestImages.Png(7);

    [Fact]
    public async Task Review_OfAnImageAnotherParticipantSubmitted_SaysDuplicate_AndNamesTheOtherSubmission()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await SubmitImage(f, User("minjun"), 1);
        f.At("2026-09-15 11:00");
        await SubmitImage(f, User("seoyeon"), 1);

        var first = await f.RunAsync(OrgA, "review");
        var firstProof = ReviewQueueTests.ProofOf(first);
        var second = await f.RunAsync(OrgA, "approve", ("proof", firstProof));

        Assert.Equal(ReplyTone.Warning, second.Tone);
        var duplicate = second.Fields.Single(x => x.Name == "Duplicate").Value;
        Assert.StartsWith($"duplicate: the same image as {firstProof}, the week 1 proof of 김민준 (#1 · terminal:minjun), sent ⟦t:", duplicate, StringComparison.Ordinal);
        Assert.Equal("이서연 (#2 · terminal:seoyeon)", second.Fields.Single(x => x.Name == "Participant").Value);
        // The earlier one is flagged too: either may be the copy, the reviewer decides.
        Assert.Contains($"the same image as {ReviewQueueTests.ProofOf(second)}, the week 1 proof of 이서연 (#2 · terminal:seoyeon)", first.Fields.Single(x => x.Name == "Duplicate").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_TellsApartTwoPeopleOfTheSameName_OnTheCardAndItsDuplicate()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        var other = new PlatformUser("discord", "81234567890", "김민준");
        var registered = await f.Get<IParticipantStore>().RegisterAsync(f.CohortId, other, f.Clock.GetUtcNow(), CancellationToken.None);
        await SubmitImage(f, User("minjun"), 1);
        f.At("2026-09-15 11:00");
        await SubmitImage(f, other, 1);

        var card = await f.RunAsync(OrgA, "review");

        Assert.Equal("김민준 (#1 · terminal:minjun)", card.Fields.Single(x => x.Name == "Participant").Value);
        Assert.Contains($"the week 1 proof of 김민준 (#{registered.Id} · discord:81234567890)", card.Fields.Single(x => x.Name == "Duplicate").Value, StringComparison.Ordinal);
        var done = await f.RunAsync(OrgA, "approve", ("proof", ReviewQueueTests.ProofOf(card)));
        Assert.StartsWith("Approved the week 1 proof of 김민준 (#1 · terminal:minjun);", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_SameImageForAnotherWeekIsADuplicate_ButResendingItForTheSameWeekIsNot()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await SubmitImage(f, User("minjun"), 1);
        await SubmitImage(f, User("minjun"), 1);

        var resent = await f.RunAsync(OrgA, "review");
        Assert.DoesNotContain(resent.Fields, x => x.Name == "Duplicate");
        Assert.Equal(ReplyTone.Info, resent.Tone);
        await f.RunAsync(OrgA, "approve", ("proof", ReviewQueueTests.ProofOf(resent)));

        f.At("2026-09-22 10:00");
        await SubmitImage(f, User("minjun"), 2);
        var week2 = await f.RunAsync(OrgA, "review");
        Assert.Contains($"the same image as {ReviewQueueTests.ProofOf(resent)}, the week 1 proof of 김민준 (#1 · terminal:minjun)", week2.Fields.Single(x => x.Name == "Duplicate").Value, StringComparison.Ordinal);
    }

    private static async Task SubmitImage(OrganizerFixture f, PlatformUser user, int week)
    {
        var image = new InvocationAttachment("shot.png", Png.Length, _ => Task.FromResult<Stream>(new MemoryStream(Png)));
        var reply = await f.RunAsync(new Invocation("submit", new Dictionary<string, object?> { ["week"] = (long)week, ["file"] = image }, user));
        Assert.NotEqual(ReplyTone.Error, reply.Tone);
    }
}

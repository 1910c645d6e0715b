using CohortBot.Core.Calendar;
using CohortBot.Core.Commands;
using CohortBot.Core.Exports;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

/// <summary>ESC, BEL, NUL and friends never get stored; names from platforms are bounded.</summary>
public sealed class ControlCharacterTests
{
    [Fact]
    public async Task Note_WithControlCharacters_IsStoredWithoutThem_ButKeepsItsLineBreaksAndTabs()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");

        var reply = await f.RunAsync("minjun", "submit", ("week", 1L), ("url", "https://example.com/p"), ("note", "a\u001b[2Jb\u0007c\u0000d\r\nsecond\tline\u009b"));

        Assert.Equal(ReplyTone.Success, reply.Tone);
        var id = await ReviewQueueTests.ParticipantIdAsync(f, "minjun");
        Assert.Equal("a[2Jbcd\nsecond\tline", Assert.Single(await f.Get<ISubmissionStore>().LatestWeeklyAsync(id, CancellationToken.None)).Note);
    }

    [Fact]
    public async Task Title_OnOneLine_LosesItsControlCharactersAndLineBreaks()
    {
        await using var f = await CreateAsync();

        await f.RunAsync(OrgA, "event-create", ("id", "tt-x"), ("kind", "tech_talk"), ("title", "Talk\u001b]0;pwned\u0007\nfake line"), ("starts", "2026-10-20 20:00"));

        var e = await f.Get<Core.Events.IEventStore>().FindAsync(f.CohortId, "tt-x", CancellationToken.None);
        Assert.Equal("Talk]0;pwned fake line", e!.Title);
    }

    [Fact]
    public async Task PlatformDisplayName_IsBounded_AndStoredWithoutControlCharacters()
    {
        await using var f = await CreateAsync(OrganizerFixture.Cohort() with { RegistrationOpen = true });
        var huge = "Eve\u0000\u001b[31m " + new string('x', 100_000);

        await f.RunAsync(new Invocation("deadlines", new Dictionary<string, object?>(), new PlatformUser("discord", "42", huge, "ko\u001b")));

        var eve = await f.Get<IParticipantStore>().FindByIdentityAsync(f.CohortId, "discord", "42", CancellationToken.None);
        Assert.NotNull(eve);
        Assert.Equal(DisplayNames.MaxLength, eve.DisplayName.Length);
        Assert.StartsWith("Eve[31m xxx", eve.DisplayName, StringComparison.Ordinal);
        Assert.Null(eve.Locale);
        var csv = Csv.Encoding.GetString(Assert.Single((await f.RunAsync(OrgA, "export", ("kind", "participants"))).Files).Content);
        Assert.DoesNotContain('\u0000', csv);
        Assert.DoesNotContain('\u001b', csv);
    }

    [Fact]
    public async Task RosterName_WithControlCharacters_IsStoredWithoutThem()
    {
        await using var f = await CreateAsync();
        var csv = "name,email\r\n\"Mal\u0000lory\u001b[2J\",mallory@example.com\r\n";

        await f.RunAsync(OrgA, "roster", ("file", InvocationAttachment.FromBytes("r.csv", Csv.Encoding.GetBytes(csv))));

        var found = await f.Get<Core.Roster.IRosterAdmin>().FindAsync(f.CohortId, "mallory@example.com", CancellationToken.None);
        Assert.Equal("Mallory[2J", Assert.Single(found).DisplayName);
    }

    [Fact]
    public async Task UnknownCommand_WithControlCharacters_IsNotEchoedWithThem()
    {
        await using var f = await CreateAsync();

        var reply = await f.RunAsync(new Invocation("\u001b[2Jnope\u0007", new Dictionary<string, object?>(), User("minjun")));

        Assert.StartsWith("I don't know the command /[2Jnope.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_Text_HasNoControlCharacters()
    {
        Assert.Equal("Talk one\\nnext", Ics.Escape("Talk\u0000 one\u001b\nnext"));
    }
}

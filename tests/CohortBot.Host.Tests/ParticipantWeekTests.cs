using CohortBot.Testing;

namespace CohortBot.Host.Tests;

/// <summary>The participant side end to end: real host, real SQLite file, scripted terminal, restart in between.</summary>
public sealed class ParticipantWeekTests
{
    private static readonly byte[] Png = CohortBot.Testing.TestImages.Png();

    [Fact]
    public async Task TwoParticipants_SubmitAndRsvp_SurviveARestart()
    {
        using var folder = new TempFolder();
        var image = folder.File("week2.png");
        await File.WriteAllBytesAsync(image, Png);

        var first = await TerminalRun.RunAsync(folder, $"""
            /submit week:2 url:https://coursera.org/verify/ALICE2 note:"done"
            /as bob
            /submit week:2 file:{image}
            /as alice
            /rsvp event:oh-dable
            /as bob
            /rsvp event:oh-dable
            /as alice
            /rsvp event:oh-dable cancel
            """, SampleCohort.Now);

        Assert.Contains("Week 2 proof received, before the deadline", TerminalRun.ReplyTo(first, "alice> /submit week:2 url:https://coursera.org/verify/ALICE2 note:\"done\""), StringComparison.Ordinal);
        Assert.Contains("image (image/png", TerminalRun.ReplyTo(first, $"bob> /submit week:2 file:{image}"), StringComparison.Ordinal);
        Assert.Contains("You're going to Office hours with Dable", TerminalRun.ReplyTo(first, "alice> /rsvp event:oh-dable"), StringComparison.Ordinal);
        Assert.Contains("waitlist at position 1", TerminalRun.ReplyTo(first, "bob> /rsvp event:oh-dable"), StringComparison.Ordinal);
        var cancel = TerminalRun.ReplyTo(first, "alice> /rsvp event:oh-dable cancel");
        Assert.Contains("[DM to bob]", cancel, StringComparison.Ordinal);
        Assert.Contains("a seat freed up and you're now going to Office hours with Dable", cancel, StringComparison.Ordinal);
        Assert.Contains("Your reservation for Office hours with Dable is cancelled", cancel, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(folder.File("proofs"), "*", SearchOption.AllDirectories));

        var second = await TerminalRun.RunAsync(folder, """
            /progress
            /as bob
            /progress
            """, SampleCohort.Now.AddHours(1));

        var alice = TerminalRun.ReplyTo(second, "alice> /progress");
        Assert.Contains("Week 2: submitted, waiting for review", alice, StringComparison.Ordinal);
        Assert.Contains("Week 1: missing", alice, StringComparison.Ordinal);
        Assert.Contains("Week 3: not open yet", alice, StringComparison.Ordinal);
        Assert.DoesNotContain("oh-dable", alice, StringComparison.Ordinal);
        var bob = TerminalRun.ReplyTo(second, "bob> /progress");
        Assert.Contains("Week 2: submitted, waiting for review", bob, StringComparison.Ordinal);
        Assert.Contains("Office hours with Dable (oh-dable)", bob, StringComparison.Ordinal);
        Assert.Contains(": going", bob, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_ShowStatusInSeoulTime_AndOfferTheNextSubmission()
    {
        using var folder = new TempFolder();
        var transcript = await TerminalRun.RunAsync(folder, """
            /deadlines
            1
            """, SampleCohort.Now);
        var deadlines = TerminalRun.ReplyTo(transcript, "alice> /deadlines");
        Assert.Contains("Due Sun 2026-09-27 23:59 (UTC+09:00) (in 4 days): not submitted yet", deadlines, StringComparison.Ordinal);
        Assert.Contains("Weeks 1", deadlines, StringComparison.Ordinal);
        Assert.Contains("[1] Submit week 2", deadlines, StringComparison.Ordinal);
        Assert.Contains("/submit week:2 [url:<url>] [file:<path to image>] [note:<note>]", TerminalRun.ReplyTo(transcript, "alice> 1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AfterDeadline_IsAcceptedButMarkedLate_AndResubmissionKeepsHistory()
    {
        using var folder = new TempFolder();
        var transcript = await TerminalRun.RunAsync(folder, """
            /submit week:1 url:https://example.com/one
            /submit week:1 url:https://example.com/two
            /progress
            """, SampleCohort.Now);
        Assert.Contains("after the deadline", TerminalRun.ReplyTo(transcript, "alice> /submit week:1 url:https://example.com/one"), StringComparison.Ordinal);
        Assert.Contains("attempt 2", TerminalRun.ReplyTo(transcript, "alice> /submit week:1 url:https://example.com/two"), StringComparison.Ordinal);
        Assert.Contains("Week 1: submitted late, waiting for review", TerminalRun.ReplyTo(transcript, "alice> /progress"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedRegistration_RefusesStrangersPolitely_AndServesTheRoster()
    {
        using var folder = new TempFolder();
        var yaml = SampleCohort.Yaml.Replace("registration: open", "registration: closed", StringComparison.Ordinal)
            + "\nroster:\n  - name: 김민준\n    email: minjun@example.com\n    terminal: minjun\n";
        var transcript = await TerminalRun.RunAsync(folder, """
            /deadlines
            /help
            /as minjun
            /progress
            """, SampleCohort.Now, yaml);
        Assert.Contains("can't find you on the roster of Test Cohort", TerminalRun.ReplyTo(transcript, "alice> /deadlines"), StringComparison.Ordinal);
        Assert.Contains("/submit week:<week>", TerminalRun.ReplyTo(transcript, "alice> /help"), StringComparison.Ordinal);
        Assert.Contains("김민준's progress in Test Cohort", TerminalRun.ReplyTo(transcript, "minjun> /progress"), StringComparison.Ordinal);
    }
}

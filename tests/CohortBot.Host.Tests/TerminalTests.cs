using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Time;
using CohortBot.Terminal;
using CohortBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Host.Tests;

public sealed class TerminalTests
{
    [Fact]
    public async Task ControlCharacters_InANote_NeverReachAnOrganizersTerminal()
    {
        using var folder = new TempFolder();
        var transcript = await TerminalRun.RunAsync(folder,
            "/submit week:2 url:https://example.com/p note:\"clear\u001b[2J\u001b[31mred\u0007bell\u0000nul\"\n/as organizer\n/review\n",
            SampleCohort.Now);

        var review = TerminalRun.ReplyTo(transcript, "organizer> /review");
        Assert.Contains("clear[2J[31mredbellnul", review, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', transcript);
        Assert.DoesNotContain('\u0007', transcript);
        Assert.DoesNotContain('\u0000', transcript);
    }

    [Fact]
    public void Renderer_RemovesControlCharacters_FromTextStoredBeforeTheyWereRefused()
    {
        var times = new ZonedTimeFormatter(TimeZoneInfo.Utc, new FakeTimeProvider(), new MessageCatalogue().For("en"));
        var reply = new Reply("note: a\u001b[2Jb") { Fields = [new ReplyField("Mal\u0007lory", "x\u0000y\nz")], Buttons = [new ReplyButton("go\u001b", "help")] };

        var text = TerminalRenderer.Render(reply, times);

        Assert.Equal("[i] note: a[2Jb\n  Mallory\n      xy\n      z\n  [1] go", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Choices_StayAfterAnOutOfRangePick_UntilOneIsPicked()
    {
        using var folder = new TempFolder();
        var transcript = await TerminalRun.RunAsync(folder, "/events\n9\n/teleport\n1\n", SampleCohort.Now);

        Assert.Contains("Pick a number from 1 to 2.", TerminalRun.ReplyTo(transcript, "alice> 9"), StringComparison.Ordinal);
        Assert.Contains("You're going to News recommendation at scale", TerminalRun.ReplyTo(transcript, "alice> 1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_TakesAQuotedName_WithoutItsQuotes_AndRefusesControlCharacters()
    {
        using var folder = new TempFolder();
        var transcript = await TerminalRun.RunAsync(folder, "/as \"Kim Minjun\" ko\n/as bad\u0007name\n", SampleCohort.Now);

        Assert.Contains("이제 Kim Minjun 님이에요.", TerminalRun.ReplyTo(transcript, "alice> /as \"Kim Minjun\" ko"), StringComparison.Ordinal);
        Assert.Contains("사용법: /as", TerminalRun.ReplyTo(transcript, "Kim Minjun> /as badname"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InteractiveTerminal_PromptsWithTheCurrentName_ScriptsDoNot()
    {
        using var folder = new TempFolder();
        var interactive = await TerminalRun.RunAsync(folder, "/as bob\n/quit\n", SampleCohort.Now, interactive: true);

        Assert.True(interactive.ReplaceLineEndings("\n").Contains("alice> [i] You are now bob.", StringComparison.Ordinal), interactive);
        Assert.Contains("\nbob> ", interactive.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("/as bob", interactive, StringComparison.Ordinal);

        using var other = new TempFolder();
        var scripted = await TerminalRun.RunAsync(other, "/as bob\n", SampleCohort.Now);
        Assert.Contains("alice> /as bob\n[i] You are now bob.", scripted.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("bob> ", scripted, StringComparison.Ordinal);
    }
}

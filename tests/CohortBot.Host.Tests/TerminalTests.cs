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
}

using CohortBot.Testing;

namespace CohortBot.Host.Tests;

/// <summary>Every command with bad input gets a clear answer, and what was stored before is untouched.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task BadInput_ForEveryCommand_IsAnsweredAndStoresNothing()
    {
        using var folder = new TempFolder();
        var notImage = folder.File("notes.txt");
        await File.WriteAllTextAsync(notImage, "not an image at all");
        var huge = folder.File("huge.png");
        await File.WriteAllBytesAsync(huge, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[20_000]]);
        var cases = new (string Line, string Expected)[]
        {
            ("/submit", "/submit needs 'week'"),
            ("/submit week:abc", "'week' must be a whole number"),
            ("/submit week:-1", "'week' must be between 1 and 1000"),
            ("/submit week:42 url:https://example.com", "There is no week 42. Weeks open for proofs: 1, 2."),
            ("/submit week:3 url:https://example.com", "Week 3 opens on Mon 2026-09-28 00:00 (UTC+09:00)"),
            ("/submit week:2 url:javascript:alert(1)", "doesn't look right"),
            ("/submit week:2 url:ftp://example.com/x", "doesn't look right"),
            ($"/submit week:2 file:{notImage}", "not an image I accept"),
            ($"/submit week:2 file:{huge}", "too large. Images up to 10 KB are accepted"),
            ($"/submit week:2 file:{folder.File("missing.png")}", "can't find the file"),
            ("/submit week:2", "attach a screenshot or give a link"),
            ("/submit week:2 colour:red", "/submit has no option 'colour'"),
            ("/submit week:1 week:2 url:https://example.com/twice", "'week' is given twice"),
            ("/submit 1 https://example.com/p url2:https://example.com/q", "/submit has no option 'url2'"),
            ("/progress week:3", "/progress takes no options, so 'week' is not one."),
            ("/submit 2 https://a.example https://b.example https://c.example", "I don't know where"),
            ("/cert", "/cert needs 'type'"),
            ("/cert type:aws url:https://example.com", "'aws' is not one of the accepted certificates"),
            ("/cert type:tf-developer url:not-a-link", "doesn't look right"),
            ("/deadlines now", "I don't know where 'now' goes"),
            ("/progress please", "I don't know where 'please' goes"),
            ("/events kind:party", "'party' is not an event kind"),
            ("/rsvp", "/rsvp needs 'event'"),
            ("/rsvp event:nope", "There is no event 'nope'. Upcoming events: tt-dable, oh-dable."),
            ("/rsvp event:oh-dable cancel:maybe", "'cancel' must be yes or no"),
            ("/help me", "I don't know where 'me' goes"),
            ("/teleport", "I don't know the command /teleport"),
            ("/submit note:\"unclosed", "A quote is not closed"),
            ("7", "There is no choice to pick right now"),
            ("/submit week:2 note:" + new string('가', 600) + " url:https://example.com", "'note' is too long"),
            ("/" + new string('x', 5000), "too long for a command"),
        };

        var script = "/submit week:2 url:https://example.com/kept\n" + string.Join("\n", cases.Select(c => c.Line)) + "\n/progress\n";
        var transcript = await TerminalRun.RunAsync(folder, script, SampleCohort.Now, extraArgs: "--Proofs:MaxImageBytes=10240");

        foreach (var (line, expected) in cases)
        {
            var reply = TerminalRun.ReplyTo(transcript, "alice> " + line.Trim());
            Assert.True(reply.Contains(expected, StringComparison.Ordinal), $"'{line[..Math.Min(line.Length, 60)]}' answered:\n{reply}");
            Assert.True(reply.Contains("[x]", StringComparison.Ordinal) || reply.Contains("[!]", StringComparison.Ordinal), reply);
        }

        var progress = TerminalRun.ReplyTo(transcript, "alice> /progress");
        Assert.Contains("Week 2: submitted, waiting for review", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("Week 1: submitted", progress, StringComparison.Ordinal);
        Assert.Contains("Certificate\n      not submitted yet", progress.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("proofs")) && Directory.EnumerateFiles(folder.File("proofs"), "*", SearchOption.AllDirectories).Any());
    }
}

using System.Text.RegularExpressions;
using CohortBot.Testing;

namespace CohortBot.Host.Tests;

/// <summary>
/// A SQLite cohort filled the way a real one is: participants and organizers typing commands into
/// the real host (terminal adapter, real storage, the clock in week 2), so every table the commands
/// write has rows — identities, proofs with images (a resubmission, a duplicate), a certificate,
/// reviews, RSVPs with a waitlist, reminder and language choices, excused weeks, extensions, a
/// moved deadline, a chat event with speakers, check-in codes, attendance, a drop, the audit log.
/// </summary>
internal static partial class SeededCohort
{
    /// <summary>The test cohort with one excused week allowed.</summary>
    public static readonly string Yaml = SampleCohort.Yaml + "\ncompletion:\n  max_excused_weeks: 1\n";

    public static async Task SeedAsync(TempFolder folder)
    {
        for (var i = 1; i <= 3; i++)
        {
            await File.WriteAllBytesAsync(folder.File($"seed{i}.png"), TestImages.Png(2000 + i, 640, 480));
        }

        var first = await TerminalRun.RunAsync(folder, $"""
            /as seed1
            /submit week:1 url:https://coursera.org/verify/SEED1W1
            /submit week:2 file:{folder.File("seed1.png")} note:"first try"
            /submit week:2 file:{folder.File("seed2.png")} note:"the right one"
            /cert type:tf-developer url:https://credential.example.com/seed1 file:{folder.File("seed3.png")}
            /rsvp event:oh-dable
            /remind mode:off quiet:22-08
            /timezone zone:Europe/Paris
            /as seed2
            /language code:ko
            /submit week:2 url:https://coursera.org/verify/SEED2W2
            /rsvp event:oh-dable
            /rsvp event:tt-dable
            /as seed3
            /submit week:2 file:{folder.File("seed1.png")}
            /as 김민준
            /submit week:1 url:https://coursera.org/verify/MINJUN
            /rsvp event:tt-dable
            /as organizer
            /approve proof:w1
            /approve proof:w3
            /reject proof:w4 reason:"not a certificate page"
            /approve proof:c1
            /excuse participant:seed3 week:1 reason:ill
            /extend week:2 until:"2026-10-01 23:59" participant:seed2
            /extend week:3 until:"2026-10-06 23:59"
            /event-create id:ct-new kind:career_talk title:"Careers in ML" starts:"2026-10-15 20:00" speakers:"Kim Ara (Recruiter); Lee Jun" capacity:30
            /attend event:tt-dable participant:seed2
            /drop participant:seed3 reason:moved
            /checkin-open event:tt-dable minutes:30
            """, SampleCohort.Now, Yaml);
        var code = CheckinCode().Match(first);
        Assert.True(code.Success, first);
        var second = await TerminalRun.RunAsync(folder, $"""
            /as 김민준
            /checkin code:{code.Groups[1].Value}
            """, SampleCohort.Now, Yaml);
        Assert.Contains("checked in", second, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/checkin ([A-Z0-9]{4,8})")]
    private static partial Regex CheckinCode();
}

using CohortBot.Testing;

namespace CohortBot.Host.Tests;

public sealed class LanguageAndTimeZoneTests
{
    [Fact]
    public async Task KoreanParticipant_DoesAWeekInKorean_EnglishOneInEnglish()
    {
        using var folder = new TempFolder();
        var transcript = await TerminalRun.RunAsync(folder, """
            /as 민준 ko
            /deadlines
            /submit week:2 url:https://coursera.org/verify/MJ
            /events
            /rsvp event:oh-dable
            /progress
            /as alice en
            /deadlines
            /progress
            """, SampleCohort.Now);

        var korean = new[] { "민준> /deadlines", "민준> /submit week:2 url:https://coursera.org/verify/MJ", "민준> /events", "민준> /rsvp event:oh-dable", "민준> /progress" }
            .Select(p => TerminalRun.ReplyTo(transcript, p)).ToList();
        Assert.Contains("마감 2026-09-27 (일) 23:59 (UTC+09:00) (4일 후): 아직 제출 안 함", korean[0], StringComparison.Ordinal);
        Assert.Contains("2주차 인증을 마감", korean[1], StringComparison.Ordinal);
        Assert.Contains("오피스 아워: Office hours with Dable", korean[2], StringComparison.Ordinal);
        Assert.Contains("행사에 참석 신청했어요", korean[3], StringComparison.Ordinal);
        Assert.Contains("2주차: 제출함, 검토 대기 중", korean[4], StringComparison.Ordinal);
        foreach (var reply in korean)
        {
            // Only cohort data (titles, links) may be English; none of the bot's own words.
            Assert.DoesNotMatch(@"\b(Due|submitted|received|going|Week|Weeks|waiting|missing|days?)\b", reply);
        }

        Assert.Contains("Due Sun 2026-09-27 23:59 (UTC+09:00) (in 4 days): not submitted yet", TerminalRun.ReplyTo(transcript, "alice> /deadlines"), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[가-힣]", TerminalRun.ReplyTo(transcript, "alice> /progress"));
    }

    [Fact]
    public async Task LanguageChoice_WinsOverThePlatformLocale_AndSurvivesRestart()
    {
        using var folder = new TempFolder();
        var first = await TerminalRun.RunAsync(folder, """
            /language code:ko
            /language code:xx
            """, SampleCohort.Now);
        Assert.Contains("이제부터 한국어로 안내할게요", TerminalRun.ReplyTo(first, "alice> /language code:ko"), StringComparison.Ordinal);
        Assert.Contains("'xx' 언어는 없어요", TerminalRun.ReplyTo(first, "alice> /language code:xx"), StringComparison.Ordinal);

        var second = await TerminalRun.RunAsync(folder, """
            /progress
            /language code:auto
            /progress
            """, SampleCohort.Now);
        Assert.Contains("진행 현황", TerminalRun.ReplyTo(second, "alice> /progress"), StringComparison.Ordinal);
        Assert.Contains("follow the language of your chat app", TerminalRun.ReplyTo(second, "alice> /language code:auto"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedLanguage_IsUsedForHelp_UnknownCommands_Refusals_AndLinesTheTerminalCannotRead()
    {
        using var folder = new TempFolder();
        string[] lines =
        [
            "/help",
            "/teleport",
            "/review",
            "/submit note:\"unclosed",
            "/submit week:2 colour:red",
            "/progress week:3",
            "7",
            "/as alice",
        ];
        var transcript = await TerminalRun.RunAsync(folder, "/language code:ko\n" + string.Join("\n", lines) + "\n", SampleCohort.Now);

        foreach (var line in lines)
        {
            var reply = TerminalRun.ReplyTo(transcript, "alice> " + line);
            Assert.Matches("[가-힣]", reply);
            Assert.DoesNotMatch(@"\b(I|Sorry|Try|Usage|options?|quote|choice|You|is|for)\b", reply);
        }
    }

    [Fact]
    public async Task TimeZoneChoice_ShowsDeadlinesInTheReadersZone()
    {
        using var folder = new TempFolder();
        var transcript = await TerminalRun.RunAsync(folder, """
            /timezone zone:America/Los_Angeles
            /deadlines
            /timezone zone:Mars/Base
            /timezone zone:cohort
            /deadlines
            """, SampleCohort.Now);
        Assert.Contains("America/Los_Angeles", TerminalRun.ReplyTo(transcript, "alice> /timezone zone:America/Los_Angeles"), StringComparison.Ordinal);
        var replies = transcript.Split("alice> /deadlines");
        Assert.Contains("Due Sun 2026-09-27 07:59 (UTC-07:00)", replies[1], StringComparison.Ordinal);
        Assert.Contains("'Mars/Base' is not a time zone I know", TerminalRun.ReplyTo(transcript, "alice> /timezone zone:Mars/Base"), StringComparison.Ordinal);
        Assert.Contains("Due Sun 2026-09-27 23:59 (UTC+09:00)", replies[2], StringComparison.Ordinal);
    }
}

public sealed class HangulNameTests
{
    [Fact]
    public async Task Organizer_FindsAHangulName_TypedAsDecomposedJamo()
    {
        using var folder = new TempFolder();
        var yaml = SampleCohort.Yaml + "\ncompletion:\n  max_excused_weeks: 1\nroster:\n  - name: 김민준\n    email: minjun@example.com\n    terminal: minjun\n";
        var decomposed = "김민준".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("김민준", decomposed);
        var transcript = await TerminalRun.RunAsync(folder, $"""
            /as organizer
            /excuse participant:"{decomposed}" week:1
            """, SampleCohort.Now, yaml);
        Assert.Contains("Week 1 is excused for 김민준", TerminalRun.ReplyTo(transcript, $"organizer> /excuse participant:\"{decomposed}\" week:1"), StringComparison.Ordinal);
    }
}

using System.Text;
using CohortBot.Core.Calendar;
using CohortBot.Core.Commands;
using CohortBot.Core.Exports;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

public sealed class CalendarTests
{
    [Fact]
    public async Task CohortCalendar_HasEveryEventAndDeadline_InUtc()
    {
        await using var f = await CreateAsync();

        var reply = await f.TypeAsync("minjun", "/calendar all");

        var file = Assert.Single(reply.Files);
        Assert.Equal(("test-cohort.ics", "text/calendar"), (file.FileName, file.ContentType));
        Assert.Equal(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CohortBot//CohortBot//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n" +
            "X-WR-CALNAME:Test Cohort\r\nX-WR-TIMEZONE:Asia/Seoul\r\n" +
            Event("event-tt-one", "20260924T110000Z", "20260924T120000Z", "Talk one", "Tech talk\\nby Hyperconnect\\nSpeakers: 김하늘 (ML engineer)") +
            Event("event-oh-two", "20261008T110000Z", "20261008T120000Z", "Office hours two", "Office hours\\nby Dable") +
            Event("week-1", "20260920T142900Z", "20260920T145900Z", "Week 1 proof due: Week one", null) +
            Event("week-2", "20260927T142900Z", "20260927T145900Z", "Week 2 proof due: Week two", null) +
            Event("week-3", "20261004T142900Z", "20261004T145900Z", "Week 3 proof due: Week three", null) +
            Event("certificate", "20261130T142900Z", "20261130T145900Z", "Certificate due", null) +
            "END:VCALENDAR\r\n",
            Csv.Encoding.GetString(file.Content));
    }

    [Fact]
    public async Task MyCalendar_HasMyReservations_AndMyOwnDeadlines()
    {
        await using var f = await CreateAsync(configure: s => s.AddSingleton(new Core.Completion.CompletionRules(1, 0, true, false, 0)));
        await f.TypeAsync("minjun", "/rsvp oh-two");
        await f.TypeAsync(OrgA, "/extend week:2 until:\"2026-10-01 23:59\" participant:terminal:minjun");
        await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:3");

        var text = Csv.Encoding.GetString(Assert.Single((await f.TypeAsync("minjun", "/calendar")).Files).Content);

        Assert.Contains("X-WR-CALNAME:Test Cohort: my events and deadlines\r\n", text, StringComparison.Ordinal);
        Assert.Contains("UID:event-oh-two@test-cohort.cohortbot\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("event-tt-one", text, StringComparison.Ordinal);
        Assert.Contains("UID:week-2@test-cohort.cohortbot\r\nDTSTAMP:20260910T000000Z\r\nDTSTART:20261001T142900Z\r\nDTEND:20261001T145900Z\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("week-3@", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ics_FoldsLongLinesAt75Octets_WithoutSplittingACharacter_AndEscapesText()
    {
        var title = string.Concat(Enumerable.Repeat("한국어 제목, 세미콜론; 그리고 \\ ", 6));
        var bytes = new Ics("c", SampleCohort.Seoul).Event("u", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, title, "a\nb", null, false).ToBytes();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:" + Ics.Escape(title) + "\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\\,", unfolded, StringComparison.Ordinal);
        Assert.Contains("\\;", unfolded, StringComparison.Ordinal);
        Assert.Contains("\\\\", unfolded, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:a\\nb\r\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCalendar_IsTheCohortCalendar()
    {
        await using var f = await CreateAsync();
        var reply = await f.RunAsync(OrgA, "export", ("kind", "calendar"));
        Assert.Equal("test-cohort.ics", Assert.Single(reply.Files).FileName);
        Assert.Equal(ReplyTone.Success, reply.Tone);
    }

    private static string Event(string uid, string starts, string ends, string summary, string? description) =>
        $"BEGIN:VEVENT\r\nUID:{uid}@test-cohort.cohortbot\r\nDTSTAMP:20260910T000000Z\r\nDTSTART:{starts}\r\nDTEND:{ends}\r\nSUMMARY:{summary}\r\n" +
        (description is null ? string.Empty : $"DESCRIPTION:{description}\r\n") +
        "STATUS:CONFIRMED\r\nEND:VEVENT\r\n";
}

using System.Globalization;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Core.Tests;

public sealed class TimeTests
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public void ToInstant_Seoul_IsNineHoursAheadAllYear()
    {
        // Korea has no daylight saving: the same wall-clock time maps to UTC+9 in winter and summer.
        Assert.Equal(DateTimeOffset.Parse("2026-01-10T14:59:00Z", CultureInfo.InvariantCulture), ZonedTime.ToInstant(new DateTime(2026, 1, 10, 23, 59, 0), Seoul));
        Assert.Equal(DateTimeOffset.Parse("2026-07-10T14:59:00Z", CultureInfo.InvariantCulture), ZonedTime.ToInstant(new DateTime(2026, 7, 10, 23, 59, 0), Seoul));
    }

    [Fact]
    public void ToInstant_SkippedByDst_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ZonedTime.ToInstant(new DateTime(2026, 3, 8, 2, 30, 0), LosAngeles));
    }

    [Fact]
    public void ToInstant_RepeatedByDst_TakesTheFirst()
    {
        // 01:30 happens twice on 2026-11-01 in Los Angeles; the first is PDT (UTC-7).
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T08:30:00Z", CultureInfo.InvariantCulture), ZonedTime.ToInstant(new DateTime(2026, 11, 1, 1, 30, 0), LosAngeles));
    }

    [Fact]
    public void Formatter_ShowsLocalTimeWithOffset()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T00:00:00Z", CultureInfo.InvariantCulture));
        var deadline = DateTimeOffset.Parse("2026-11-29T14:59:00Z", CultureInfo.InvariantCulture);
        var text = "Due " + TimeMarkup.Token(deadline) + " (" + TimeMarkup.Token(deadline, TimeStyle.Relative) + ")";
        Assert.Equal("Due Sun 2026-11-29 23:59 (UTC+09:00) (in 2 days)", new ZonedTimeFormatter(Seoul, clock, new Messages.MessageCatalogue().For("en")).Render(text));
        Assert.Equal("Due Sun 2026-11-29 06:59 (UTC-08:00) (in 2 days)", new ZonedTimeFormatter(LosAngeles, clock, new Messages.MessageCatalogue().For("en")).Render(text));
    }

    [Fact]
    public void Week_LateOnlyAfterTheDeadlineInstant()
    {
        var due = DateTimeOffset.Parse("2026-11-29T14:59:00Z", CultureInfo.InvariantCulture);
        var week = new Week(1, 11, "w", null, due.AddDays(-7), due, due.AddDays(30));
        Assert.False(week.IsLate(due));
        Assert.True(week.IsLate(due.AddSeconds(1)));
        Assert.Equal(WeekState.NotOpen, week.StateAt(due.AddDays(-8)));
        Assert.Equal(WeekState.Open, week.StateAt(due));
        Assert.Equal(WeekState.Late, week.StateAt(due.AddMinutes(1)));
        Assert.Equal(WeekState.Closed, week.StateAt(due.AddDays(31)));
    }
}

public sealed class ReaderTimeTests
{
    private static readonly DateTimeOffset Deadline = DateTimeOffset.Parse("2026-11-01T14:59:00Z", CultureInfo.InvariantCulture); // Sun 23:59 KST

    [Theory]
    [InlineData("Asia/Seoul", "Sun 2026-11-01 23:59 (UTC+09:00)")]
    [InlineData("America/Los_Angeles", "Sun 2026-11-01 06:59 (UTC-08:00)")] // clocks fell back at 09:00 UTC that morning
    [InlineData("Europe/Berlin", "Sun 2026-11-01 15:59 (UTC+01:00)")]
    public void Deadline_OnTheUsDstWeekend_ShowsEachReadersLocalTime(string zone, string expected)
    {
        var clock = new FakeTimeProvider(Deadline.AddDays(-1));
        var formatter = new ZonedTimeFormatter(TimeZoneInfo.FindSystemTimeZoneById(zone), clock, new Messages.MessageCatalogue().For("en"));
        Assert.Equal(expected, formatter.Format(Deadline, TimeStyle.Full));
    }

    [Fact]
    public void Deadline_TheDayBeforeTheChange_UsesDaylightTime()
    {
        var clock = new FakeTimeProvider(Deadline.AddDays(-3));
        var la = new ZonedTimeFormatter(TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"), clock, new Messages.MessageCatalogue().For("en"));
        Assert.Equal("Sat 2026-10-31 07:59 (UTC-07:00)", la.Format(Deadline.AddDays(-1), TimeStyle.Full));
    }

    [Fact]
    public void Formatter_InKorean_WritesKoreanDateOrderWeekdaysAndRelativeTimes()
    {
        var clock = new FakeTimeProvider(Deadline.AddHours(-50));
        var ko = new ZonedTimeFormatter(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"), clock, new Messages.MessageCatalogue().For("ko"));
        Assert.Equal("2026-11-01 (일) 23:59 (UTC+09:00)", ko.Format(Deadline, TimeStyle.Full));
        Assert.Equal("2026-11-01 (일)", ko.Format(Deadline, TimeStyle.Date));
        Assert.Equal("2일 후", ko.Format(Deadline, TimeStyle.Relative));
        Assert.Equal("1시간 전", ko.Format(Deadline.AddHours(-51), TimeStyle.Relative));
    }
}

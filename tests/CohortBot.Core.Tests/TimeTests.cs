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
        Assert.Equal("Due Sun 2026-11-29 23:59 (UTC+09:00) (in 2 days)", new ZonedTimeFormatter(Seoul, clock, CultureInfo.InvariantCulture).Render(text));
        Assert.Equal("Due Sun 2026-11-29 06:59 (UTC-08:00) (in 2 days)", new ZonedTimeFormatter(LosAngeles, clock, CultureInfo.InvariantCulture).Render(text));
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

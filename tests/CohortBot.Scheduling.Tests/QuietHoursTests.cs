using CohortBot.Core.Reminders;
using CohortBot.Core.Schedules;
using CohortBot.Testing;

namespace CohortBot.Scheduling.Tests;

public sealed class QuietHoursTests
{
    [Theory]
    [InlineData("22-08", "22:00-08:00")]
    [InlineData("22:30-07:00", "22:30-07:00")]
    [InlineData(" 9 - 17 ", "09:00-17:00")]
    [InlineData("23-24", "23:00-00:00")]
    public void TryParse_AcceptsHoursAndMinutes(string text, string expected)
    {
        Assert.True(QuietHours.TryParse(text, out var quiet));
        Assert.Equal(expected, quiet.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("22")]
    [InlineData("25-08")]
    [InlineData("22:61-08")]
    [InlineData("08-08")]
    [InlineData("ten-six")]
    public void TryParse_RefusesWhatIsNotAWindow(string text) => Assert.False(QuietHours.TryParse(text, out _));

    [Fact]
    public void EndAfter_AcrossMidnightInSeoul_IsTheNextMorning()
    {
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(8, 0));
        var friday2359 = SampleCohort.Kst(new DateTime(2026, 12, 4, 23, 59, 0));
        var saturday0130 = SampleCohort.Kst(new DateTime(2026, 12, 5, 1, 30, 0));

        Assert.Equal(SampleCohort.Kst(new DateTime(2026, 12, 5, 8, 0, 0)), quiet.EndAfter(friday2359, SampleCohort.Seoul));
        Assert.Equal(SampleCohort.Kst(new DateTime(2026, 12, 5, 8, 0, 0)), quiet.EndAfter(saturday0130, SampleCohort.Seoul));
        Assert.Null(quiet.EndAfter(SampleCohort.Kst(new DateTime(2026, 12, 5, 8, 0, 0)), SampleCohort.Seoul));
    }

    [Fact]
    public void ScheduleOptions_BadValues_AreRefusedNamingTheKey()
    {
        var options = new ScheduleOptions { DeadlineOffsets = [TimeSpan.Zero], GraceWindow = TimeSpan.Zero, DefaultQuietHours = "late", FanOutConcurrency = 0 };
        options.ApplyDefaults();

        var result = new ScheduleOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Schedules:DeadlineOffsets", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Schedules:GraceWindow", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Schedules:DefaultQuietHours", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Schedules:FanOutConcurrency", StringComparison.Ordinal));
        Assert.Equal(ScheduleOptions.DefaultEventReminderOffsets, options.EventReminderOffsets);
    }
}

using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;

namespace CohortBot.Core.Tests;

public sealed class CohortDefinitionValidatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 13, 15, 0, 0, TimeSpan.Zero);

    private static CohortDefinition Cohort(IReadOnlyList<WeekDefinition> weeks, IReadOnlyList<EventDefinition>? events = null) =>
        new("c", "C", TimeZoneInfo.Utc, Start, Start.AddDays(100), true, "en", null, weeks, events ?? [], []);

    private static WeekDefinition Week(int n, int opensDay, int dueDay, int line) =>
        new(n, $"w{n}", null, Start.AddDays(opensDay), Start.AddDays(dueDay), null, line);

    [Fact]
    public void Validate_CleanCohort_HasNoErrors()
    {
        Assert.Empty(CohortDefinitionValidator.Validate(Cohort([Week(1, 0, 7, 10), Week(2, 7, 14, 15)])));
    }

    [Fact]
    public void Validate_OverlappingWeeks_PointsAtTheLaterOne()
    {
        var errors = CohortDefinitionValidator.Validate(Cohort([Week(1, 0, 7, 10), Week(2, 5, 14, 15)]));
        var error = Assert.Single(errors);
        Assert.Equal(15, error.Line);
        Assert.Contains("overlaps week 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateWeekNumber_NamesTheFirstLine()
    {
        var errors = CohortDefinitionValidator.Validate(Cohort([Week(1, 0, 7, 10), Week(1, 7, 14, 15)]));
        Assert.Contains(errors, e => e.Line == 15 && e.Message.Contains("duplicate week number '1' (first used on line 10)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DeadlineOutsideCohort_IsReported()
    {
        var errors = CohortDefinitionValidator.Validate(Cohort([Week(1, 0, 200, 10)]));
        Assert.Contains(errors, e => e.Line == 10 && e.Message.Contains("between cohort.starts and cohort.ends", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DuplicateEventIds_AreReported()
    {
        var e1 = new EventDefinition("tt-1", EventKind.TechTalk, "a", null, null, [], Start.AddDays(3), Start.AddDays(3).AddHours(1), null, null, false, 30);
        var errors = CohortDefinitionValidator.Validate(Cohort([], [e1, e1 with { Line = 40 }]));
        Assert.Contains(errors, e => e.Line == 40 && e.Message.Contains("duplicate event id 'tt-1'", StringComparison.Ordinal));
    }
}

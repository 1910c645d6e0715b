using CohortBot.Core.Cohorts;
using CohortBot.Host.CohortFile;
using CohortBot.Testing;

namespace CohortBot.Host.Tests;

public sealed class CohortFileReaderTests
{
    [Fact]
    public void Parse_TestCohort_ConvertsSeoulTimesToInstants()
    {
        var def = CohortFileReader.Parse(SampleCohort.Yaml);
        Assert.Equal("test-cohort", def.Slug);
        Assert.Equal(SampleCohort.Kst(2026, 9, 20, 23, 59), def.Weeks[0].DueAt);
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 14, 59, 0, TimeSpan.Zero), def.Weeks[0].DueAt);
        Assert.Equal(TimeSpan.FromMinutes(45), def.Events[1].EndsAt - def.Events[1].StartsAt);
        Assert.Equal(1, def.Events[1].Capacity);
        Assert.Equal(3, def.Certificates!.Allowed.Count);
    }

    [Fact]
    public void Read_ShippedSampleCohort_IsValid()
    {
        // The repository's own file, not a copy in bin/ (the bot no longer looks beside itself).
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "CohortBot.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("CohortBot.sln is not above " + AppContext.BaseDirectory);
        }

        var path = Path.Combine(root.FullName, "config", "cohort.yaml");
        var def = CohortFileReader.Read(path);
        Assert.Equal("Asia/Seoul", def.TimeZone.Id);
        Assert.True(def.Weeks.Count >= 10);
        Assert.Contains(def.Events, e => e.Capacity is not null);
    }

    [Theory]
    [InlineData("    deadline: 2026-09-20 23:59", "    dealine: 2026-09-20 23:59", 13, "unknown key 'dealine'")]
    [InlineData("  time_zone: Asia/Seoul", "  time_zone: Asia/Busan", 4, "not a known IANA time zone")]
    [InlineData("    deadline: 2026-09-27 23:59", "    deadline: 2026-09-29 23:59", 18, "overlaps week 2")]
    [InlineData("  - number: 3", "  - number: 2", 18, "duplicate week number '2'")]
    [InlineData("    deadline: 2026-10-04 23:59", "    deadline: 2027-10-04 23:59", 18, "between cohort.starts and cohort.ends")]
    [InlineData("  - id: oh-dable", "  - id: tt-dable", 42, "duplicate event id 'tt-dable'")]
    [InlineData("    kind: office_hours", "    kind: workshop", 43, "must be tech_talk, career_talk or office_hours")]
    [InlineData("    duration: 45m", "    duration: forever", 47, "duration must look like")]
    [InlineData("    capacity: 1", "    capacity: lots", 48, "whole number")]
    [InlineData("    opens: 2026-09-21 00:00", "    opens: next monday", 16, "must be a date and time")]
    public void Parse_BadFile_ReportsThePreciseLine(string original, string replacement, int line, string message)
    {
        var yaml = ReplaceFirst(SampleCohort.Yaml, original, replacement);
        var ex = Assert.Throws<CohortFileException>(() => CohortFileReader.Parse(yaml));
        Assert.Contains(ex.Errors, e => e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsThemAll()
    {
        var yaml = SampleCohort.Yaml.Replace("Asia/Seoul", "Mars/Olympus", StringComparison.Ordinal).Replace("  registration: open", "  registration: maybe\n  colour: blue", StringComparison.Ordinal);
        var ex = Assert.Throws<CohortFileException>(() => CohortFileReader.Parse(yaml));
        Assert.True(ex.Errors.Count >= 3);
        Assert.Contains("cohort.yaml:line 4", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    title: Course 1, weeks 3-4", "\ttitle: Course 1, weeks 3-4", 15)]
    [InlineData("    title: Course 1, weeks 3-4", "  \ttitle: Course 1, weeks 3-4", 15)]
    [InlineData("  - number: 3", "\t- number: 3", 18)]
    [InlineData("    deadline: 2026-10-04 23:59", "    deadline: 2026-10-04 23:59\n\t", 22)]
    public void Parse_Tab_IsReportedOnItsOwnLine(string original, string replacement, int line)
    {
        var yaml = ReplaceFirst(SampleCohort.Yaml, original, replacement);
        Assert.Equal(line, yaml.Split('\n').ToList().FindIndex(l => l.Contains('\t')) + 1);

        var ex = Assert.Throws<CohortFileException>(() => CohortFileReader.Parse(yaml));

        Assert.Contains(ex.Errors, e => e.Line == line && e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("")]
    [InlineData("cohort: [unclosed")]
    [InlineData("just text")]
    [InlineData("weeks: []")]
    public void Parse_Garbage_IsAClearError(string yaml)
    {
        var ex = Assert.Throws<CohortFileException>(() => CohortFileReader.Parse(yaml));
        Assert.NotEmpty(ex.Errors);
    }

    /// <summary>The test kit's cohort builder writes files the reader reads back as the builder's own cohort: quotes, Hangul, roster, completion.</summary>
    [Fact]
    public void BuildersFile_ReadsBackAsTheBuildersCohort()
    {
        var builder = SampleCohort.Builder()
            .EditEvent("oh-dable", e => e with { Title = "Office hours: \"Ask me anything\" #1", Cancelled = true })
            .Member("Haeun \"Ha\" Choi, Jr.", "haeun@example.com", ("terminal", "haeun"), ("slack", "U1"))
            .Member("김민준", null, ("discord", "900000000000000001"));
        builder.Language = "ko";
        builder.RegistrationOpen = false;
        builder.Completion = Core.Completion.CompletionRules.Default with { MaxExcusedWeeks = 1, LateProofsCount = false, CertificateRequired = true };
        var expected = builder.Build();

        var read = CohortFileReader.Parse(builder.ToYaml());

        Assert.Equal(Describe(expected), Describe(read));
    }

    private static string Describe(CohortDefinition c) => string.Join("\n", new object?[]
    {
        c.Slug, c.Name, c.TimeZone.Id, c.StartsAt, c.EndsAt, c.RegistrationOpen, c.Language, c.Completion,
        c.Certificates?.Deadline, string.Join("|", c.Certificates?.Allowed.Select(a => $"{a.Key}={a.Name}") ?? []),
        string.Join("|", c.Weeks.Select(w => $"{w.Number} {w.Title} {w.CourseRange} {w.OpensAt:O} {w.DueAt:O} {w.ClosesAt:O}")),
        string.Join("|", c.Events.Select(e => $"{e.Key} {e.Kind} {e.Title} {e.Company} {e.Topic} {string.Join(",", e.Speakers)} {e.StartsAt:O} {e.EndsAt:O} {e.JoinUrl} {e.Capacity} {e.Cancelled}")),
        string.Join("|", c.Roster.Select(r => $"{r.Name} {r.Email} {string.Join(",", r.PlatformIds.OrderBy(p => p.Key, StringComparer.Ordinal))}")),
    });

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{original}' is not in the test file");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length));
    }
}

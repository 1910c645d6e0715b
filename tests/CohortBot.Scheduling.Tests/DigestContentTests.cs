using CohortBot.Core.Cohorts;
using CohortBot.Core.Digests;
using CohortBot.Core.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Scheduling.Tests;

public sealed class DigestContentTests
{
    [Fact]
    public async Task Digest_ReportsRate_Missing_MissedTwice_ReviewBacklog_AndCertificates()
    {
        using var folder = new TestFolder();
        var cohort = new TestCohort { CertificateDeadlineLocal = new DateTime(2027, 1, 15, 23, 59, 0) };
        cohort.Weeks.Add((1, new DateTime(2026, 11, 23, 0, 0, 0), new DateTime(2026, 11, 29, 23, 59, 0)));
        cohort.Weeks.Add((2, new DateTime(2026, 11, 30, 0, 0, 0), new DateTime(2026, 12, 6, 23, 59, 0)));
        cohort.Roster.AddRange(["alice", "bob", "carol", "dave"]);
        var monday = TestCohort.Instant(new DateTime(2026, 12, 7, 9, 0, 0));
        await using var bot = await BotUnderTest.StartAsync(folder, cohort, monday);
        var c = await bot.CohortAsync();
        var weeks = await bot.Services.GetRequiredService<ICohortStore>().WeeksAsync(c.Id, CancellationToken.None);
        var submissions = bot.Services.GetRequiredService<ISubmissionStore>();
        async Task Submit(string name, int week) => await submissions.RecordWeeklyAsync(
            new NewSubmission(c.Id, (await bot.ParticipantAsync(name)).Id, weeks.Single(w => w.Number == week).Id, monday.AddDays(-2), "https://example.com/p", null, null, false), CancellationToken.None);
        await Submit("alice", 1);
        await Submit("alice", 2);
        await Submit("bob", 2);
        await Submit("carol", 1);
        await submissions.RecordCertificateAsync(new NewCertificateSubmission(c.Id, (await bot.ParticipantAsync("bob")).Id, "tf-developer", monday, "https://example.com/c", null, false), CancellationToken.None);

        var pages = await bot.Services.GetRequiredService<DigestBuilder>().BuildAsync(c, monday, CancellationToken.None);

        var page = Assert.Single(pages);
        Assert.Contains("Week 2", page.Text, StringComparison.Ordinal);
        Assert.Contains("2 of 4 submitted (50%)", page.Text, StringComparison.Ordinal);
        Assert.Contains("Waiting for review: 4 weekly proofs, 1 certificate.", page.Text, StringComparison.Ordinal);
        Assert.Contains("0 approved, 1 waiting, 0 rejected, 3 not submitted", page.Text, StringComparison.Ordinal);
        Assert.Equal("carol\ndave", page.Fields.Single(f => f.Name.StartsWith("Missing week 2", StringComparison.Ordinal)).Value);
        Assert.Equal("dave", page.Fields.Single(f => f.Name.StartsWith("Missed weeks 1 and 2", StringComparison.Ordinal)).Value);
    }
}

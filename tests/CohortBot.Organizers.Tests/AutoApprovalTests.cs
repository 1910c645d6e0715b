using CohortBot.Core.Reviews;
using CohortBot.Core.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Organizers.Tests;

public sealed class AutoApprovalTests
{
    [Theory]
    [InlineData("https://coursera.org/verify/ABC", true)]
    [InlineData("https://www.coursera.org/account/accomplishments/verify/ABC", true)]
    [InlineData("https://evilcoursera.org/verify/ABC", false)]
    [InlineData("https://coursera.org.example.com/verify/ABC", false)]
    [InlineData("http://coursera.org/verify/ABC", false)]
    [InlineData("https://example.com/ABC", false)]
    public async Task LinkProof_FromAnAllowListedDomain_IsApprovedOnArrival(string url, bool approved)
    {
        await using var f = await OrganizerFixture.CreateAsync(configure: s => s.Configure<ReviewOptions>(o => o.AutoApproveDomains.Add("coursera.org")));
        f.At("2026-09-15 10:00");

        var reply = await f.RunAsync("minjun", "submit", ("week", 1L), ("url", url));

        Assert.Equal(approved, reply.Text.Contains("approved automatically", StringComparison.Ordinal));
        var latest = await f.Get<ISubmissionStore>().LatestWeeklyAsync(await ReviewQueueTests.ParticipantIdAsync(f, "minjun"), CancellationToken.None);
        Assert.Equal(approved ? ReviewStatus.Approved : ReviewStatus.Pending, latest.Single().Status);
        Assert.Equal(approved, (await f.RunAsync(OrganizerFixture.OrgA, "review")).Text == "No proofs are waiting for review.");
    }

    [Fact]
    public async Task WithoutAllowList_NothingIsApprovedAutomatically()
    {
        await using var f = await OrganizerFixture.CreateAsync();
        f.At("2026-09-15 10:00");
        var reply = await f.RunAsync("minjun", "submit", ("week", 1L), ("url", "https://coursera.org/verify/ABC"));
        Assert.DoesNotContain("automatically", reply.Text, StringComparison.Ordinal);
    }
}

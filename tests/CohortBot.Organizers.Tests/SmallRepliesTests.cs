using CohortBot.Core.Commands;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Exports;
using Microsoft.Extensions.DependencyInjection;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

/// <summary>Replies that must say the right thing: the week that does not exist, and one of a thing.</summary>
public sealed class SmallRepliesTests
{
    [Theory]
    [InlineData("/review 999")]
    [InlineData("/approve proof:w1 week:999")]
    [InlineData("/reject proof:w1 reason:blurry week:999")]
    public async Task Review_OfAWeekThatDoesNotExist_SaysSo_AndDecidesNothing(string line)
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await ReviewQueueTests.Submit(f, "minjun", 1, "https://example.com/a");

        var reply = await f.TypeAsync(OrgA, line);

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal("There is no week 999.", reply.Text);
        Assert.Empty(await f.Get<Core.Audit.IAuditLog>().RecentAsync(f.CohortId, 5, CancellationToken.None));
        Assert.Empty(f.Dms.DirectMessages);
        Assert.StartsWith("No proofs of week 2", (await f.TypeAsync(OrgA, "/review 2")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneOfAThing_IsSingular()
    {
        var single = OrganizerFixture.Cohort();
        await using var f = await CreateAsync(single with { Roster = [single.Roster[0]] });

        Assert.StartsWith("1 participant: ", (await f.TypeAsync(OrgA, "/report completion")).Text, StringComparison.Ordinal);
        Assert.Equal("The latest action.", (await f.TypeAsync(OrgA, "/audit")).Text);
        Assert.Equal("Nothing was imported: 1 line needs fixing first.", (await Import(f, "name,email\r\n,nobody@example.com\r\n")).Text);
        Assert.Equal("Roster imported: 1 row, 1 new participant, 0 already known (their missing email or platform ids were filled in).",
            (await Import(f, "name,email\r\nNew One,new@example.com\r\n")).Text);
    }

    [Fact]
    public async Task RosterProblems_AreInTheOrganizersLanguage()
    {
        await using var f = await CreateAsync(OrganizerFixture.Cohort() with { Language = "ko" });

        var reply = await Import(f, "name,email\r\n,nobody@example.com\r\nNo Mail,nope\r\n");

        Assert.Matches("[가-힣]", reply.Text);
        Assert.DoesNotMatch(@"\b(line|name|email)\b", reply.Fields.Single().Value);
        Assert.Contains("3", reply.Fields.Single().Value, StringComparison.Ordinal);
    }

    private static Task<Reply> Import(OrganizerFixture f, string csv) =>
        f.RunAsync(OrgA, "roster", ("file", InvocationAttachment.FromBytes("roster.csv", Csv.Encoding.GetBytes(csv))));
}

using Microsoft.Extensions.DependencyInjection;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

public sealed class AuditTests
{
    [Fact]
    public async Task Audit_ListsOrganizerActions_NewestFirst_WithBeforeAndAfter()
    {
        await using var f = await CreateAsync(configure: s => s.AddSingleton(new Core.Completion.CompletionRules(1, 0, true, false, 0)));
        f.At("2026-09-15 10:00");
        await ReviewQueueTests.Submit(f, "minjun", 1, "https://example.com/a");
        await f.RunAsync(OrgA, "approve", ("proof", ReviewQueueTests.ProofOf(await f.RunAsync(OrgA, "review"))));
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        await f.TypeAsync(OrgB, "/excuse participant:#2 week:1 reason:\"family emergency\"");
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        await f.TypeAsync(OrgB, "/export participants");

        var reply = await f.TypeAsync(OrgA, "/audit 2");

        Assert.Equal("The latest 2 actions, newest first.", reply.Text);
        Assert.Equal(2, reply.Fields.Count);
        Assert.EndsWith(" · terminal:org-b · export participants", reply.Fields[0].Name, StringComparison.Ordinal);
        Assert.EndsWith(" · terminal:org-b · week.excuse participant:2", reply.Fields[1].Name, StringComparison.Ordinal);
        Assert.Equal("before: {\"week\":1,\"excused\":false}\nafter: {\"week\":1,\"excused\":true,\"reason\":\"family emergency\"}", reply.Fields[1].Value);
        Assert.Equal(3, (await f.Get<Core.Audit.IAuditLog>().RecentAsync(f.CohortId, 50, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Audit_WhenNothingHappened_SaysSo()
    {
        await using var f = await CreateAsync();
        Assert.Equal("No organizer actions recorded yet.", (await f.TypeAsync(OrgA, "/audit")).Text);
    }
}

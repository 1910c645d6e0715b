using System.Collections.Concurrent;
using System.Diagnostics;
using CohortBot.Core.Commands;
using CohortBot.Core.Diagnostics;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

/// <summary>A command is one trace: its span, and inside it a span per SQL statement it ran (reads and the writer's group commit alike).</summary>
// The statement spans are SqliteTracing's; on PostgreSQL they would be Npgsql's own ActivitySource.
[Trait(CohortBot.Testing.TestStorage.Provider, CohortBot.Testing.TestStorage.SqliteOnly)]
public sealed class TracingTests
{
    [Fact]
    public async Task Submit_IsACommandSpan_WithItsSqlStatementsInside()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == CohortTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        // Connections are hooked when opened while something listens: start the fixture after the listener.
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");

        var reply = await f.Get<CommandRunner>().RunAsync(
            new Invocation("submit", new Dictionary<string, object?> { ["week"] = 1L, ["url"] = "https://example.com/proof" }, User("minjun")), CancellationToken.None);

        Assert.Equal(ReplyTone.Success, reply.Tone);
        var command = Assert.Single(stopped, a => a.DisplayName == "command submit" && a.GetTagItem("cohortbot.platform") as string == "terminal");
        Assert.Equal("ok", command.GetTagItem("cohortbot.outcome"));
        var inside = stopped.Where(a => a.ParentSpanId == command.SpanId && a.TraceId == command.TraceId).ToList();
        Assert.Contains(inside, a => a.DisplayName == "sqlite SELECT");
        var insert = Assert.Single(inside, a => a.DisplayName == "sqlite INSERT" && ((string)a.GetTagItem("db.query.text")!).Contains("INTO submissions", StringComparison.Ordinal));
        Assert.Contains("@", (string)insert.GetTagItem("db.query.text")!, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com/proof", (string)insert.GetTagItem("db.query.text")!, StringComparison.Ordinal);
    }
}

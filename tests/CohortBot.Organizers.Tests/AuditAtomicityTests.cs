using CohortBot.Storage;
using CohortBot.Core.Commands;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

/// <summary>
/// Every organizer change and its audit entry commit together or not at all: with an audit log
/// that refuses every entry, each command fails politely and leaves the cohort exactly as it was;
/// with the log back, the same command makes its change and its entry.
/// </summary>
public sealed class AuditAtomicityTests
{
    public static TheoryData<string> Changes =>
    [
        "/drop participant:#2 reason:moved",
        "/excuse participant:#2 week:1 reason:ill",
        "/extend week:2 until:\"2026-10-01 23:59\" participant:#2",
        "/extend week:2 until:\"2026-10-01 23:59\"",
        "/event-create id:ct-new kind:career_talk title:\"Careers\" starts:\"2026-10-15 20:00\"",
        "/event-edit tt-one topic:\"On-device ML\"",
        "/event-cancel oh-two reason:\"speaker is ill\"",
        "/attend tt-one participant:#2",
        "/checkin-open tt-one 10",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AChangeWhoseAuditEntryFails_ChangesNothing(string line)
    {
        await using var f = await CreateAsync(configure: s => s.AddSingleton(new Core.Completion.CompletionRules(1, 0, true, false, 0)));
        f.At("2026-09-15 10:00");
        await ReviewQueueTests.Submit(f, "minjun", 1, "https://example.com/a");
        var connections = f.Get<Database>();
        var before = await SnapshotAsync(connections);
        await connections.ExecuteAsync(TestStorage.RefuseInserts(connections.Dialect, "audit_log", "refuse_audit", "audit refused"), null, default);

        var refused = await f.TypeAsync(OrgA, line);

        Assert.Equal(ReplyTone.Error, refused.Tone);
        Assert.Contains("something went wrong", refused.Text, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(connections));

        await connections.ExecuteAsync(TestStorage.DropRefusal(connections.Dialect, "audit_log", "refuse_audit"), null, default);
        var done = await f.TypeAsync(OrgA, line);
        Assert.NotEqual(ReplyTone.Error, done.Tone);
        Assert.NotEmpty(await f.Get<Core.Audit.IAuditLog>().RecentAsync(f.CohortId, 5, CancellationToken.None));
    }

    /// <summary>Every row of every table the organizer commands change, in a stable order.</summary>
    private static async Task<string> SnapshotAsync(Database connections)
    {
        await using var db = await connections.OpenAsync(default);
        var tables = new[] { "participants", "excused_weeks", "deadline_extensions", "week_deadline_overrides", "weeks", "events", "event_speakers", "rsvps", "attendance", "checkin_codes", "audit_log" };
        var parts = new List<string>();
        foreach (var table in tables)
        {
            var rows = await db.QueryAsync($"SELECT * FROM {table} ORDER BY 1");
            parts.Add(table + ":" + string.Join("|", rows.Select(r => string.Join(",", ((IDictionary<string, object>)r).Values))));
        }

        return string.Join("\n", parts);
    }
}

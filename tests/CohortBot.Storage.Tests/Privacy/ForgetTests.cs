using CohortBot.Storage;
using System.Text;
using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Storage.Tests.Privacy;

/// <summary>
/// Forgetting a participant on a real SQLite file: every table and export is searched for their
/// name and platform id afterwards, their screenshots are gone, and the cohort's counts are not.
/// </summary>
public sealed class ForgetTests
{
    private const string Name = "Ada Lovelace";
    private const string UserId = "ada-4711";
    private static readonly PlatformUser Ada = new("test", UserId, Name);
    private static readonly PlatformUser Org = new("test", "org", "Organizer");

    [Fact]
    public async Task ForgetMe_AsksFirst_ThenForgetsEverywhere_KeepsCounts()
    {
        await using var services = await StartAsync();
        await ActAsAdaWithHistoryAsync(services);
        var countsBefore = await CountsAsync(services);

        var asked = await RunAsync(services, Ada, "forget-me");
        Assert.Equal(ReplyTone.Warning, asked.Tone);
        Assert.Contains("cannot be undone", asked.Text, StringComparison.Ordinal);
        var button = Assert.Single(asked.Buttons);
        Assert.True(ButtonAction.TryParse(button.Action, out var action));
        Assert.True(await ContainsAnywhereAsync(services, Name)); // asking changed nothing

        var done = await Click(services, action, Ada);

        Assert.Equal(ReplyTone.Success, done.Tone);
        Assert.Contains("1 screenshots deleted", done.Text, StringComparison.Ordinal);
        await AssertForgottenAsync(services, countsBefore);
        await using var db = await services.Get<Database>().OpenAsync(default);
        Assert.Equal("forgotten", await db.ExecuteScalarAsync<string>("SELECT actor FROM audit_log WHERE action = 'participant.forget'"));
    }

    [Fact]
    public async Task OrganizerForget_ByName_WithConfirmation_ForgetsEverywhere()
    {
        await using var services = await StartAsync();
        await ActAsAdaWithHistoryAsync(services);
        var countsBefore = await CountsAsync(services);

        var refusedForParticipant = await RunAsync(services, Ada, "forget", ("participant", Name), ("confirm", true));
        Assert.Contains("organizer", refusedForParticipant.Text, StringComparison.OrdinalIgnoreCase);
        var asked = await RunAsync(services, Org, "forget", ("participant", Name));
        Assert.True(ButtonAction.TryParse(Assert.Single(asked.Buttons).Action, out var action));
        var done = await Click(services, action, Org);

        Assert.Equal(ReplyTone.Success, done.Tone);
        await AssertForgottenAsync(services, countsBefore);
        await using var db = await services.Get<Database>().OpenAsync(default);
        Assert.Equal("test:org", await db.ExecuteScalarAsync<string>("SELECT actor FROM audit_log WHERE action = 'participant.forget'"));
    }

    [Fact]
    public async Task ForgetMe_Unknown_StoresNothing()
    {
        await using var services = await StartAsync();
        var reply = await RunAsync(services, new PlatformUser("test", "stranger", "Stranger"), "forget-me", ("confirm", true));

        Assert.Contains("nothing stored about you", reply.Text, StringComparison.Ordinal);
        Assert.False(await ContainsAnywhereAsync(services, "stranger"));
    }

    private static async Task<CohortServices> StartAsync() =>
        await CohortServices.StartAsync(s => s.Configure<OrganizerOptions>(o => o.Platforms["test"] = new OrganizerSet { Users = { "org" } }));

    private static Task<Reply> RunAsync(CohortServices services, PlatformUser user, string command, params (string, object?)[] options) =>
        services.Get<CommandRunner>().RunAsync(Invocation.Create(command, user, options), default);

    /// <summary>Submissions (one approved with an image, one pending), RSVP, preferences, an audited drop and reinstatement, an answered inbox delivery.</summary>
    private static async Task ActAsAdaWithHistoryAsync(CohortServices services)
    {
        await Ok(RunAsync(services, Ada, "submit", ("week", 1L), ("url", "https://coursera.org/verify/ADA1"), ("note", "from " + Name),
            ("file", InvocationAttachment.FromBytes("ada.png", TestImages.Png(4711)))));
        var card = await RunAsync(services, Org, "review");
        Assert.True(ButtonAction.TryParse(card.Buttons[0].Action, out var approve));
        await Ok(Click(services, approve, Org));
        await Ok(RunAsync(services, Ada, "submit", ("week", 2L), ("url", "https://coursera.org/verify/ADA2")));
        await Ok(RunAsync(services, Ada, "rsvp", ("event", "tt-dable")));
        await Ok(RunAsync(services, Ada, "timezone", ("zone", "Europe/London")));
        await Ok(RunAsync(services, Org, "drop", ("participant", Name), ("reason", Name + " asked for a break")));
        await Ok(RunAsync(services, Org, "drop", ("participant", Name), ("undo", true)));
        await services.Get<Database>().ExecuteAsync(
            "INSERT INTO inbox (platform, delivery_id, kind, user_id, payload, received_at, answered_at) VALUES ('test', 'd1', 'command', @UserId, @payload, 1, 2)",
            new { UserId, payload = System.Text.Json.JsonSerializer.Serialize(new { user = new { id = UserId, name = Name } }) }, default);
        Assert.Single(Directory.GetFiles(Path.Combine(services.Folder, "proofs"), "*", SearchOption.AllDirectories));
    }

    private static async Task AssertForgottenAsync(CohortServices services, (long, long, long, long) countsBefore)
    {
        Assert.False(await ContainsAnywhereAsync(services, Name));
        Assert.False(await ContainsAnywhereAsync(services, UserId));
        Assert.False(await ContainsAnywhereAsync(services, "coursera.org/verify/ADA"));
        Assert.False(await ContainsAnywhereAsync(services, "Europe/London"));
        Assert.Empty(Directory.GetFiles(Path.Combine(services.Folder, "proofs"), "*", SearchOption.AllDirectories));
        foreach (var kind in new[] { "participants", "submissions", "rsvps", "completion" })
        {
            var export = await RunAsync(services, Org, "export", ("kind", kind));
            var csv = Encoding.UTF8.GetString(Assert.Single(export.Files).Content);
            Assert.DoesNotContain(Name, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(UserId, csv, StringComparison.Ordinal);
        }

        var (participants, approved, rsvps, pending) = await CountsAsync(services);
        Assert.Equal((countsBefore.Item1, countsBefore.Item2, countsBefore.Item3), (participants, approved, rsvps));
        Assert.Equal(0, pending); // an undecided proof is not a count yet: it goes with the person
        var again = await RunAsync(services, Ada, "forget-me", ("confirm", true));
        Assert.Contains("nothing stored about you", again.Text, StringComparison.Ordinal);
    }

    private static async Task<(long Participants, long Approved, long Rsvps, long Pending)> CountsAsync(CohortServices services)
    {
        await using var db = await services.Get<Database>().OpenAsync(default);
        return (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM participants"),
            await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM submissions WHERE status = 'approved'"),
            await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rsvps WHERE status = 'going'"),
            await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM submissions WHERE status = 'pending'"));
    }

    /// <summary>Every text value of every table (the schema as it is, so a new table is searched too).</summary>
    private static async Task<bool> ContainsAnywhereAsync(CohortServices services, string text)
    {
        await using var db = await services.Get<Database>().OpenAsync(default);
        foreach (var table in await db.QueryAsync<string>(TestStorage.TableNames(services.Get<Database>().Dialect)))
        {
            await using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            await using var rows = await cmd.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    if (rows.GetValue(i) is string s && s.Contains(text, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static Task<Reply> Click(CohortServices services, ButtonAction action, PlatformUser user) =>
        services.Get<CommandRunner>().RunAsync(Invocation.Create(action.Command, user, [.. action.Options.Select(o => (o.Key, (object?)o.Value))]), default);

    private static async Task Ok(Task<Reply> command)
    {
        var reply = await command;
        Assert.True(reply.Tone != ReplyTone.Error, reply.Text);
    }
}

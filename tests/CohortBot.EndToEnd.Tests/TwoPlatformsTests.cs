using System.Globalization;
using System.Text.Json.Nodes;
using CohortBot.Core.Events;
using CohortBot.Fakes.Discord;
using CohortBot.Fakes.Slack;
using CohortBot.Host;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using DiscordPayloads = CohortBot.Fakes.Discord.Payloads;
using Microsoft.Extensions.DependencyInjection;
using SlackPayloads = CohortBot.Fakes.Slack.Payloads;

namespace CohortBot.EndToEnd.Tests;

/// <summary>
/// One cohort, two platforms, one database: the real host (options, migrations, cohort file sync,
/// both adapters) configured only by settings that point it at a fake Discord and a fake Slack.
/// </summary>
public sealed class TwoPlatformsTests
{
    [Fact]
    public async Task AWeekAcrossDiscordAndSlack_SharesSeatsAndSurvivesASlackRefresh()
    {
        using var folder = new TempFolder();
        await using var discord = await FakeDiscord.StartAsync();
        await using var slack = await FakeSlack.StartAsync();
        var cohortFile = folder.File("cohort.yaml");
        await File.WriteAllTextAsync(cohortFile, CohortAroundNow());

        using var host = CohortBotHost.Build(
        [
            "--Cohort:File=" + cohortFile,
            "--Storage:DatabasePath=" + folder.File("bot.db"),
            "--Storage:ProofDirectory=" + folder.File("proofs"),
            "--Terminal:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            "--Discord:Token=test-token",
            "--Discord:ApplicationId=" + FakeDiscord.ApplicationId,
            "--Discord:GuildId=" + FakeDiscord.GuildId,
            "--Discord:ApiBaseUrl=" + discord.ApiBaseUrl,
            "--Discord:ReconnectDelayMin=00:00:00.050",
            "--Discord:ReconnectDelayMax=00:00:00.200",
            "--Slack:AppToken=" + FakeSlack.AppToken,
            "--Slack:BotToken=" + FakeSlack.BotToken,
            "--Slack:ApiBaseUrl=" + slack.ApiBase,
            "--Slack:ReconnectBaseDelay=00:00:00.050",
            "--Slack:ReconnectMaxDelay=00:00:00.500",
        ]);
        await host.StartAsync();
        try
        {
            var socket = await slack.NextSocketAsync();
            await discord.WaitForAsync(r => r.Path.EndsWith("/commands", StringComparison.Ordinal));

            // Slack: a proof for week 1.
            Assert.Contains("proof received", await SlashAsync(slack, socket, "submit 1 https://example.com/slack-proof"), StringComparison.Ordinal);

            // Discord: the only seat of the office hour.
            var discordRsvp = await DiscordAsync(discord, DiscordPayloads.Command("rsvp", DiscordPayloads.Option("event", 3, "oh-1")));
            Assert.Contains("You're going to", discordRsvp, StringComparison.Ordinal);

            // Slack asks to refresh mid-week; the next command goes over the new socket.
            await socket.DisconnectAsync("refresh_requested");
            var fresh = await slack.NextSocketAsync();
            Assert.Contains("waitlist at position 1", await SlashAsync(slack, fresh, "rsvp oh-1"), StringComparison.Ordinal);

            // Discord gives the seat up by button: the Slack participant moves up and gets a Slack DM.
            var cancel = await DiscordAsync(discord, DiscordPayloads.Button("rsvp?event=oh-1&cancel=true"));
            Assert.Contains("is cancelled", cancel, StringComparison.Ordinal);
            var dm = await slack.WaitForCallAsync("chat.postMessage", c => c.Parameters.ToJsonString().Contains("seat freed up", StringComparison.Ordinal));
            Assert.NotNull(dm);

            var progress = await SlashAsync(slack, fresh, "progress");
            Assert.Contains("Week 1: submitted, waiting for review", progress, StringComparison.Ordinal);
            Assert.Contains("going", progress, StringComparison.Ordinal);

            await using var db = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
            Assert.Equal(2L, await db.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT participant_id) FROM participant_identities"));
            Assert.Equal(["discord", "slack"], (await db.QueryAsync<string>("SELECT DISTINCT platform FROM participant_identities ORDER BY platform")).ToArray());
            Assert.Equal("going", await db.ExecuteScalarAsync<string>(
                "SELECT r.status FROM rsvps r JOIN participant_identities i ON i.participant_id = r.participant_id WHERE i.platform = 'slack'"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<string> SlashAsync(FakeSlack slack, FakeSocket socket, string text)
    {
        var responseId = "e" + Guid.NewGuid().ToString("N")[..8];
        var id = await socket.SendEnvelopeAsync("slash_commands", SlackPayloads.Slash(slack, text, "U1", responseId), acceptsResponsePayload: true);
        var ack = (await slack.AckFor(id)).Ack;
        var reply = ack["payload"] ?? await slack.WaitForResponsePostAsync(responseId);
        return reply.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static async Task<string> DiscordAsync(FakeDiscord discord, JsonObject interaction)
    {
        await discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        var callback = await Sent.CallbackAsync(discord, interaction);
        var data = callback.Json!["data"];
        if ((int)callback.Json!["type"]! == 5)
        {
            data = (await Sent.EditAsync(discord, interaction)).Json;
        }

        return Sent.Text(data!);
    }

    /// <summary>A cohort in Asia/Seoul laid around the real clock (the adapters run on real time).</summary>
    private static string CohortAroundNow()
    {
        var now = DateTimeOffset.UtcNow;
        var cohort = CohortBuilder.AroundDay(now, "e2e", "End to End Cohort");
        var officeHour = cohort.At(TimeZoneInfo.ConvertTime(now, CohortBuilder.Seoul).Date.AddDays(5).AddHours(21));
        return cohort.Event("oh-1", EventKind.OfficeHours, officeHour, TimeSpan.FromMinutes(45), "Office hours with Dable", "Dable", joinUrl: "https://meet.example.com/oh", capacity: 1).ToYaml();
    }
}

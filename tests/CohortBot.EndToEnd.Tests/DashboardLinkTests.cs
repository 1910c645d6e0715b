using System.Globalization;
using CohortBot.Fakes.Discord;
using CohortBot.Fakes.Slack;
using CohortBot.Host;
using CohortBot.Testing;
using DiscordPayloads = CohortBot.Fakes.Discord.Payloads;
using SlackPayloads = CohortBot.Fakes.Slack.Payloads;

namespace CohortBot.EndToEnd.Tests;

/// <summary><c>/dashboard</c> on Discord and Slack: the sign-in link arrives by DM, never in the reply.</summary>
public sealed class DashboardLinkTests
{
    [Fact]
    public async Task Dashboard_OnDiscordAndSlack_SendsTheLinkByDirectMessage()
    {
        using var folder = new TempFolder();
        await using var discord = await FakeDiscord.StartAsync();
        await using var slack = await FakeSlack.StartAsync();
        var cohortFile = folder.File("cohort.yaml");
        await File.WriteAllTextAsync(cohortFile, Cohort());
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
            "--Slack:AppToken=" + FakeSlack.AppToken,
            "--Slack:BotToken=" + FakeSlack.BotToken,
            "--Slack:ApiBaseUrl=" + slack.ApiBase,
            "--Organizers:discord:Users:0=" + DiscordPayloads.UserId,
            "--Organizers:slack:Users:0=U1",
            "--Dashboard:Enabled=true",
            "--Dashboard:Url=http://127.0.0.1:0",
        ]);
        await host.StartAsync();
        try
        {
            var socket = await slack.NextSocketAsync();
            await discord.WaitForAsync(r => r.Path.EndsWith("/commands", StringComparison.Ordinal));

            await discord.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.Command("dashboard"));
            var dm = await discord.WaitForAsync(r => r.Method == "POST" && r.ApiPath == $"/channels/55{DiscordPayloads.UserId}/messages");
            Assert.Contains("/dashboard/signin?token=", dm.Body, StringComparison.Ordinal);
            var reply = await discord.WaitForAsync(r => r.Body.Contains("I sent you a sign-in link", StringComparison.Ordinal));
            Assert.DoesNotContain("token=", reply.Body, StringComparison.Ordinal);

            await socket.SendEnvelopeAsync("slash_commands", SlackPayloads.Slash(slack, "dashboard", "U1", "d1"), acceptsResponsePayload: true);
            var posted = await slack.WaitForCallAsync("chat.postMessage", c => c.Parameters.ToJsonString().Contains("/dashboard/signin?token=", StringComparison.Ordinal));
            Assert.Equal("DU1", posted.Parameters["channel"]?.ToString());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static string Cohort()
    {
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, seoul).Date;
        string Day(int offset, string time) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + time;
        return $"""
            cohort:
              id: links
              name: Link Cohort
              time_zone: Asia/Seoul
              starts: {Day(-10, "00:00")}
              ends: {Day(60, "23:59")}
            weeks:
              - number: 1
                title: Course 1
                opens: {Day(-3, "00:00")}
                deadline: {Day(4, "23:59")}
            """;
    }
}

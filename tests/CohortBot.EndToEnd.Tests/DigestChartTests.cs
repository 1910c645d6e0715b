using System.Globalization;
using System.Text.Json.Nodes;
using CohortBot.Fakes.Discord;
using CohortBot.Fakes.Slack;
using CohortBot.Host;
using CohortBot.Testing;
using DiscordPayloads = CohortBot.Fakes.Discord.Payloads;
using SlackPayloads = CohortBot.Fakes.Slack.Payloads;

namespace CohortBot.EndToEnd.Tests;

/// <summary>The digest's chart reaches the organizers' channel of both platforms: Discord as a multipart attachment, Slack through the external upload.</summary>
public sealed class DigestChartTests
{
    private const string DiscordChannel = "900000000000000009";
    private const string SlackChannel = "C0ORGANIZERS";
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Digest_OnDiscordAndSlack_CarriesThePngChart_BesideTheCsv()
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
            "--Channels:discord:Organizers=" + DiscordChannel,
            "--Channels:slack:Organizers=" + SlackChannel,
        ]);
        await host.StartAsync();
        try
        {
            var socket = await slack.NextSocketAsync();
            await discord.WaitForAsync(r => r.Path.EndsWith("/commands", StringComparison.Ordinal));

            await discord.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.Command("digest"));
            var posted = await discord.WaitForAsync(r => r.Method == "POST" && r.ApiPath == $"/channels/{DiscordChannel}/messages");
            Assert.StartsWith("multipart/form-data", posted.ContentType, StringComparison.Ordinal);
            Assert.Contains("filename=digest-charts-week1.png", posted.Body.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("Content-Type: image/png", posted.Body, StringComparison.Ordinal);
            Assert.Contains("PNG\r\n", posted.Body, StringComparison.Ordinal);
            Assert.Contains("filename=digest-charts-week1.csv", posted.Body.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

            await socket.SendEnvelopeAsync("slash_commands", SlackPayloads.Slash(slack, "digest", "U1", "d1"), acceptsResponsePayload: true);
            var chart = await FakeSlack.Eventually(() => slack.Shared.FirstOrDefault(f => f.FileName.EndsWith(".png", StringComparison.Ordinal)), "the chart shared on Slack");
            Assert.Equal("digest-charts-week1.png", chart.FileName);
            Assert.Equal(SlackChannel, chart.ChannelId);
            Assert.Equal(PngSignature, chart.Bytes.Take(8));
            await FakeSlack.Eventually(() => slack.Shared.FirstOrDefault(f => f.FileName == "digest-charts-week1.csv"), "the CSV shared on Slack");
            Assert.Contains(slack.CallsTo("files.getUploadURLExternal"), c => c.Parameters["filename"]?.ToString() == "digest-charts-week1.png");
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
              id: charts
              name: Chart Cohort
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

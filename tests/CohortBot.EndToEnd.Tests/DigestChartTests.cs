using CohortBot.Fakes.Slack;
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
        await using var bot = await TwoPlatformsBot.StartAsync("--Channels:discord:Organizers=" + DiscordChannel, "--Channels:slack:Organizers=" + SlackChannel);
        var discord = bot.Discord;

        await discord.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.Command("digest"));
        var posted = await discord.WaitForAsync(r => r.Method == "POST" && r.ApiPath == $"/channels/{DiscordChannel}/messages");
        Assert.StartsWith("multipart/form-data", posted.ContentType, StringComparison.Ordinal);
        Assert.Contains("filename=digest-two-platforms-week1.png", posted.Body.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Content-Type: image/png", posted.Body, StringComparison.Ordinal);
        Assert.Contains("PNG\r\n", posted.Body, StringComparison.Ordinal);
        Assert.Contains("filename=digest-two-platforms-week1.csv", posted.Body.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        await bot.Socket.SendEnvelopeAsync("slash_commands", SlackPayloads.Slash(bot.Slack, "digest", "U1", "d1"), acceptsResponsePayload: true);
        var chart = await bot.Slack.EventuallyAsync(() => bot.Slack.Shared.FirstOrDefault(f => f.FileName.EndsWith(".png", StringComparison.Ordinal)), "the chart shared on Slack");
        Assert.Equal("digest-two-platforms-week1.png", chart.FileName);
        Assert.Equal(SlackChannel, chart.ChannelId);
        Assert.Equal(PngSignature, chart.Bytes.Take(8));
        await bot.Slack.EventuallyAsync(() => bot.Slack.Shared.FirstOrDefault(f => f.FileName == "digest-two-platforms-week1.csv"), "the CSV shared on Slack");
        Assert.Contains(bot.Slack.CallsTo("files.getUploadURLExternal"), c => c.Parameters["filename"]?.ToString() == "digest-two-platforms-week1.png");
    }
}

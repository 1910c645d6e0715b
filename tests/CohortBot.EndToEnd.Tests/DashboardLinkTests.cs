using DiscordPayloads = CohortBot.Fakes.Discord.Payloads;
using SlackPayloads = CohortBot.Fakes.Slack.Payloads;

namespace CohortBot.EndToEnd.Tests;

/// <summary><c>/dashboard</c> on Discord and Slack: the sign-in link arrives by DM, never in the reply.</summary>
public sealed class DashboardLinkTests
{
    [Fact]
    public async Task Dashboard_OnDiscordAndSlack_SendsTheLinkByDirectMessage()
    {
        await using var bot = await TwoPlatformsBot.StartAsync("--Dashboard:Enabled=true", "--Dashboard:Url=http://127.0.0.1:0");
        var discord = bot.Discord;

        await discord.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.Command("dashboard"));
        var dm = await discord.WaitForAsync(r => r.Method == "POST" && r.ApiPath == $"/channels/55{DiscordPayloads.UserId}/messages");
        Assert.Contains("/dashboard/signin?token=", dm.Body, StringComparison.Ordinal);
        var reply = await discord.WaitForAsync(r => r.Body.Contains("I sent you a sign-in link", StringComparison.Ordinal));
        Assert.DoesNotContain("token=", reply.Body, StringComparison.Ordinal);

        await bot.Socket.SendEnvelopeAsync("slash_commands", SlackPayloads.Slash(bot.Slack, "dashboard", "U1", "d1"), acceptsResponsePayload: true);
        var posted = await bot.Slack.WaitForCallAsync("chat.postMessage", c => c.Parameters.ToJsonString().Contains("/dashboard/signin?token=", StringComparison.Ordinal));
        Assert.Equal("DU1", posted.Parameters["channel"]?.ToString());
    }
}

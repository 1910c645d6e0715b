using System.Text.Json.Nodes;
using CohortBot.EndToEnd.Tests.Processes;
using CohortBot.Fakes;
using CohortBot.Fakes.Discord;
using CohortBot.Testing;

namespace CohortBot.EndToEnd.Tests.ScaleOut;

/// <summary>
/// Two real bot processes on one PostgreSQL database, against one fake Discord and one fake Slack
/// (issue 12). The first instance starts alone: it takes the Discord Gateway and runs the first
/// reminder, which reaches the first participant and then waits on the second one's claim (held
/// in the database, as a slow transaction of another instance would). The second instance starts
/// meanwhile. Both serve commands (each has a Socket Mode connection and its own HTTP interactions
/// endpoint), and the second reminder goes out once per participant between them. Then the first
/// instance is killed (SIGKILL) holding the Gateway, the first reminder's fan-out and an acknowledged
/// command: the second takes over the Gateway, Quartz hands it the fan-out, which skips whom the dead
/// instance reached and reaches everyone else once, and it answers the command. Everything is waited
/// for by what the fakes and the logs show; each wait's patience only matters when the test fails.
/// </summary>
public sealed class TwoInstancesTests
{
    private const int Everyone = 6;

    [PostgresFact]
    public async Task TwoInstances_ShareCommandsRemindersAndTheGateway_AndTheSurvivorTakesOverAfterAKill()
    {
        await using var world = await ClusterWorld.StartAsync();
        var discord = world.Discord;
        var slack = world.Slack;
        await world.ImportAsync();
        await using var held = await world.HoldReminderAsync(ClusterWorld.DiscordPeople[0], world.FirstOffset);

        // The first instance: the Gateway is its (nobody else holds the lease), and so is the first
        // reminder, which reaches the first participant (on Slack) and then waits on the held claim.
        var first = await world.StartInstanceAsync(
            bot => ClusterWorld.Endpoint(bot) is not null && discord.Gateway.HasLiveConnection && slack.OpenSockets().Count == 1,
            "the first instance to identify, open its socket and listen");
        var firstSocket = slack.OpenSockets().Single();
        var firstEndpoint = ClusterWorld.Endpoint(first)!;
        await world.UntilAsync(first, () => Ran(first, world.FirstOffset) == 1 && world.DirectMessages()["US1"] == 1, "the first reminder to reach the first participant");

        var second = await world.StartInstanceAsync(
            bot => ClusterWorld.Endpoint(bot) is not null && slack.OpenSockets().Count == 2,
            "the second instance to open its socket and listen");
        var secondSocket = slack.OpenSockets().Single(s => s.Id != firstSocket.Id);
        var secondEndpoint = ClusterWorld.Endpoint(second)!;
        Assert.NotEqual(firstEndpoint, secondEndpoint);
        Assert.DoesNotContain(second.Lines, l => l.Contains("holds the lease discord-gateway", StringComparison.Ordinal));

        // Commands reach both: Slack spreads envelopes over the sockets, Discord posts to whichever endpoint.
        foreach (var (socket, name) in new[] { (firstSocket, "a"), (secondSocket, "b") })
        {
            var ack = await slack.AckFor(await world.SlashAsync(socket, "deadlines", "US2", "resp-" + name));
            Assert.Equal(socket.Id, ack.SocketId);
            var reply = ack.Ack["payload"] ?? await slack.WaitForResponsePostAsync("resp-" + name);
            Assert.Contains("Course 1", reply.ToJsonString(), StringComparison.Ordinal);
        }

        foreach (var endpoint in new[] { firstEndpoint, secondEndpoint })
        {
            var interaction = ClusterWorld.Deadlines(ClusterWorld.DiscordPeople[1]);
            Assert.Equal(202, await world.PostInteractionAsync(endpoint, interaction));
            Assert.Contains("Course 1", await ReplyAsync(discord, interaction), StringComparison.Ordinal);
        }

        // A command the first instance acknowledges (deferred) and cannot finish: its screenshot download is held.
        discord.CdnHold = new Gate();
        var command = world.CertificateWithImage(ClusterWorld.DiscordPeople[2]);
        var commandId = (string)command["id"]!;
        Assert.Equal(202, await world.PostInteractionAsync(firstEndpoint, command));
        await world.UntilAsync(first, () => discord.Interactions.Find(commandId) is { Deferred: true } && discord.CdnHold.Held == 1, "the command to be deferred", discord.CdnHold.Changed);

        // The second reminder, with both instances up: once per participant between them.
        await world.UntilAsync(second, () => Reminded(first, world.SecondOffset, Everyone) || Reminded(second, world.SecondOffset, Everyone), "the second reminder to be sent");
        Assert.Equal(ClusterWorld.Roster.ToDictionary(p => p.Id, p => p.Id == "US1" ? 2 : 1), world.DirectMessages());
        // Neither instance took what the other was answering, nor the fan-out the other runs.
        Assert.DoesNotContain(second.Lines, l => l.Contains("from the inbox", StringComparison.Ordinal));
        Assert.False(Reminded(second, world.FirstOffset, Everyone - 1), world.Logs);

        // SIGKILL the instance that holds the Gateway, the first reminder's fan-out and the deferred command.
        var identifies = discord.Gateway.Identifies.Count;
        first.Kill();
        await held.RollbackAsync();
        discord.CdnHold.Open();

        await world.UntilAsync(second, () => discord.Gateway.Identifies.Count > identifies && discord.Gateway.HasLiveConnection, "the second instance to take over the Gateway");
        await world.UntilAsync(second, () => Reminded(second, world.FirstOffset, Everyone - 1), "the second instance to finish the first reminder");
        await world.UntilAsync(second, () => discord.Interactions.Find(commandId)?.FinalAt is not null, "the acknowledged command to be answered");

        Assert.All(world.DirectMessages(), p => Assert.True(p.Value == 2, $"{p.Key} got {p.Value} reminder(s) in all\n{world.Logs}"));
        Assert.Contains(second.Lines, l => l.Contains("Running ", StringComparison.Ordinal) && l.Contains(ClusterWorld.MomentName(world.FirstOffset) + " (recovering: True)", StringComparison.Ordinal));
        Assert.Contains(second.Lines, l => l.Contains("holds the lease discord-gateway", StringComparison.Ordinal));
        var timing = discord.Interactions.Find(commandId)!;
        Assert.False(timing.ErrorReply, world.Logs);
        Assert.Single(discord.Requests, r => r.Method == "PATCH" && r.Path.Contains(timing.Token, StringComparison.Ordinal));

        // The survivor serves commands on both platforms.
        var after = ClusterWorld.Deadlines(ClusterWorld.DiscordPeople[1]);
        Assert.Equal(202, await world.PostInteractionAsync(secondEndpoint, after));
        Assert.Contains("Course 1", await ReplyAsync(discord, after), StringComparison.Ordinal);
        var last = await slack.AckFor(await world.SlashAsync(secondSocket, "deadlines", "US2", "resp-c"));
        Assert.Equal(secondSocket.Id, last.SocketId);
    }

    /// <summary>What the participant sees: the reply, or the deferred message once edited.</summary>
    private static async Task<string> ReplyAsync(FakeDiscord discord, JsonObject interaction)
    {
        var callback = await Sent.CallbackAsync(discord, interaction);
        var data = (int)callback.Json!["type"]! == 5 ? (await Sent.EditAsync(discord, interaction)).Json : callback.Json!["data"];
        return Sent.Text(data!);
    }

    /// <summary>Runs of the reminder with this offset that the instance has logged.</summary>
    private static int Ran(BotProcess bot, TimeSpan offset) =>
        bot.Lines.Count(l => l.Contains("Running ", StringComparison.Ordinal) && l.Contains(ClusterWorld.MomentName(offset) + " (recovering", StringComparison.Ordinal));

    /// <summary>Whether the instance logged the reminder with this offset as done, with <paramref name="sent"/> messages.</summary>
    private static bool Reminded(BotProcess bot, TimeSpan offset, int sent) =>
        bot.Lines.Any(l => l.Contains("Deadline reminder", StringComparison.Ordinal)
            && l.Contains($"{ClusterWorld.MomentName(offset)}: {sent} message(s) sent", StringComparison.Ordinal));
}

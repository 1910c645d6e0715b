using System.Globalization;
using CohortBot.Fakes.Discord;
using CohortBot.Fakes.Slack;
using CohortBot.Host;
using CohortBot.Testing;
using Microsoft.Extensions.Hosting;
using DiscordPayloads = CohortBot.Fakes.Discord.Payloads;

namespace CohortBot.EndToEnd.Tests;

/// <summary>
/// The real host on a fake Discord and a fake Slack, with a one-week cohort around today and an
/// organizer on each platform (Discord's test user, Slack's U1); started, connected and with its
/// commands registered, so a test sends commands at once.
/// </summary>
internal sealed class TwoPlatformsBot : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private TwoPlatformsBot(TempFolder folder, FakeDiscord discord, FakeSlack slack, IHost host)
    {
        _folder = folder;
        Discord = discord;
        Slack = slack;
        Host = host;
    }

    public FakeDiscord Discord { get; }

    public FakeSlack Slack { get; }

    public IHost Host { get; }

    /// <summary>The bot's Socket Mode connection, to send Slack envelopes on.</summary>
    public FakeSocket Socket { get; private set; } = null!;

    public static async Task<TwoPlatformsBot> StartAsync(params string[] settings)
    {
        var folder = new TempFolder();
        var discord = await FakeDiscord.StartAsync();
        var slack = await FakeSlack.StartAsync();
        var cohortFile = folder.File("cohort.yaml");
        await File.WriteAllTextAsync(cohortFile, CohortAroundToday());
        var host = CohortBotHost.Build(
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
            .. settings,
        ]);
        var bot = new TwoPlatformsBot(folder, discord, slack, host);
        await host.StartAsync();
        bot.Socket = await slack.NextSocketAsync();
        await discord.WaitForAsync(r => r.Path.EndsWith("/commands", StringComparison.Ordinal));
        // Commands are registered over REST while the gateway identifies: wait for its session too.
        await CohortBot.Fakes.Eventually.ValueAsync(() => discord.Gateway.CurrentSessionId, discord.Gateway.Changed, "the Discord gateway session");
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Slack.DisposeAsync();
        await Discord.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Week 1 opened three days ago and is due in four, in Seoul.</summary>
    private static string CohortAroundToday() => CohortBuilder.AroundDay(DateTimeOffset.UtcNow, "two-platforms", "Two Platforms").ToYaml();
}

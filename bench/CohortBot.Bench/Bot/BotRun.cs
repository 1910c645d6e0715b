using System.Diagnostics;
using CohortBot.Fakes;
using CohortBot.Fakes.Discord;
using CohortBot.Fakes.Slack;

namespace CohortBot.Bench.Bot;

/// <summary>
/// One bot process with both adapters against its own fake Discord and fake Slack (lean, with
/// the platforms' answer rules, redelivery and rate limits on), over real loopback sockets.
/// </summary>
public sealed class BotRun : IAsyncDisposable
{
    /// <summary>The apology every unexpected failure ends in (error.unexpected in en.json).</summary>
    private const string ErrorMarker = "something went wrong on our side";

    private readonly string _hostDirectory;
    private readonly string[] _args;

    private BotRun(FakeDiscord discord, FakeSlack slack, BotProcess bot, string folder, string hostDirectory, string[] args)
    {
        _hostDirectory = hostDirectory;
        Discord = discord;
        Slack = slack;
        Bot = bot;
        Folder = folder;
        _args = args;
    }

    public FakeDiscord Discord { get; }

    public FakeSlack Slack { get; }

    public BotProcess Bot { get; }

    public string Folder { get; }

    public string LogPath => Path.Combine(Folder, "bot.log");

    /// <summary>Process start to the first Identify the fake gateway received.</summary>
    public TimeSpan StartupToIdentify { get; private set; }

    /// <summary>A second instance beside the first (<c>instances=2</c>, PostgreSQL only), or null.</summary>
    public BotProcess? Second { get; private set; }

    public bool Alive => !Bot.HasExited && Second is not { HasExited: true };

    public static async Task<BotRun> StartAsync(Workspace workspace, string name, DateTimeOffset? currentDeadline, IEnumerable<string> extraArgs, CancellationToken ct)
    {
        var o = workspace.Options;
        var folder = await workspace.NewRunAsync(name);
        workspace.Cohort.Write(Path.Combine(folder, "cohort.yaml"), currentDeadline);
        var discord = (await FakeDiscord.StartAsync()).UseLean();
        // Discord's own interval (the fake's 1 s suits tests): with 1 s a loaded machine delays one
        // ACK past the next beat, the bot drops the "zombie" connection, and the step measures a resume.
        discord.Gateway.HeartbeatIntervalMs = 41_250;
        discord.Interactions.EnforceRules = true;
        discord.GlobalLimit = new GlobalLimit(TimeProvider.System, o.GlobalLimit);
        discord.IsErrorReply = body => body.Contains(ErrorMarker, StringComparison.Ordinal);
        var slack = (await FakeSlack.StartAsync()).UseLean();
        slack.Envelopes.EnforceRules = true;
        slack.IsErrorReply = discord.IsErrorReply;
        slack.RedeliverAfter = TimeSpan.FromSeconds(3);
        if (o.UsersInfoPerMinute > 0)
        {
            slack.MethodLimits["users.info"] = new SlidingWindowLimit(TimeProvider.System, o.UsersInfoPerMinute, TimeSpan.FromMinutes(1));
        }

        slack.StartRedelivery();
        string[] args =
        [
            .. workspace.BaseArgs(folder),
            "--Terminal:Enabled=false",
            "--Discord:Token=" + FakeDiscord.DefaultToken,
            "--Discord:ApplicationId=" + FakeDiscord.ApplicationId,
            "--Discord:GuildId=" + FakeDiscord.GuildId,
            "--Discord:ApiBaseUrl=" + discord.ApiBaseUrl,
            // The fake CDN is on loopback: allow it, as a deployment behind a local proxy would.
            "--Discord:Attachments:AllowedHosts:0=" + discord.BaseUrl,
            "--Discord:Attachments:AllowPrivateAddresses=true",
            "--Slack:AppToken=" + FakeSlack.AppToken,
            "--Slack:BotToken=" + FakeSlack.BotToken,
            "--Slack:ApiBaseUrl=" + slack.ApiBase,
            .. extraArgs,
        ];
        var bot = BotProcess.Start(workspace.HostDirectory, folder, args, Path.Combine(folder, "bot.log"));
        var run = new BotRun(discord, slack, bot, folder, workspace.HostDirectory, args);
        try
        {
            await run.WaitReadyAsync(ct);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>Identified on the gateway, a Socket Mode connection open, slash commands registered.</summary>
    private async Task WaitReadyAsync(CancellationToken ct)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            if (Bot.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {Bot.ExitCode} during start-up; see {LogPath}.");
            }

            if (StartupToIdentify == TimeSpan.Zero && Discord.Gateway.IdentifyTimes.TryPeek(out var identified))
            {
                StartupToIdentify = Stopwatch.GetElapsedTime(Bot.StartedAt, identified);
            }

            if (StartupToIdentify > TimeSpan.Zero && Discord.Gateway.HasLiveConnection && Slack.OpenSockets().Count > 0
                && Discord.Requests.Any(r => r.Method == "PUT" && r.ApiPath.EndsWith("/commands", StringComparison.Ordinal)))
            {
                return;
            }

            if (limit.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"The bot did not connect to both fakes within 90 s; see {LogPath}.");
            }

            await Task.Delay(20, ct);
        }
    }

    /// <summary>
    /// Starts a second instance with the same settings: the same PostgreSQL database, proof folder and
    /// fakes, its own log. It opens its own Socket Mode connection (the fake Slack, like Slack, spreads
    /// envelopes over both) and waits for the Discord Gateway's lease, which the first instance holds.
    /// </summary>
    public async Task AddInstanceAsync(CancellationToken ct)
    {
        var second = BotProcess.Start(_hostDirectory, Folder, _args, Path.Combine(Folder, "bot-2.log"));
        Second = second;
        var limit = Stopwatch.StartNew();
        while (Slack.OpenSockets().Count < 2)
        {
            if (second.HasExited)
            {
                throw new InvalidOperationException($"The second instance exited with code {second.ExitCode} during start-up; see {Path.Combine(Folder, "bot-2.log")}.");
            }

            if (limit.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"The second instance did not open its Socket Mode connection within 90 s; see {Path.Combine(Folder, "bot-2.log")}.");
            }

            await Task.Delay(20, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Second is not null)
        {
            await Second.DisposeAsync();
        }

        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
        await Discord.DisposeAsync();
        BenchStore.ReleaseConnections();
    }
}

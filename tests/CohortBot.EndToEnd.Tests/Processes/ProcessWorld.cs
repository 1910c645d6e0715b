using CohortBot.Fakes;
using CohortBot.Fakes.Discord;
using CohortBot.Testing;

namespace CohortBot.EndToEnd.Tests.Processes;

/// <summary>
/// The place where <c>cohortbot</c> processes run against the fakes: the bot's folder (its cohort
/// file, proofs and database outlive every process started in it), the fake Discord it talks to,
/// the settings every such process shares, and the processes themselves, each killed on dispose.
/// Waits re-check at every process's log lines and at the fakes' <paramref name="signals"/>, and
/// on failure show every process's log.
/// </summary>
internal sealed class ProcessWorld(FakeDiscord discord, params Pulse[] signals) : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<BotProcess> _bots = [];
    private readonly Pulse[] _signals = [discord.Arrived, discord.Gateway.Changed, .. signals];

    public FakeDiscord Discord => discord;

    public TempFolder Folder => _folder;

    public string CohortFile => _folder.File("cohort.yaml");

    public string Logs
    {
        get
        {
            lock (_bots)
            {
                return string.Join("\n\n", _bots.Select((b, i) => $"--- process {i + 1} ---\n{b.Log}"));
            }
        }
    }

    /// <summary>What every bot process here is started with: its files, and the fake Discord as its only chat platform so far.</summary>
    public IReadOnlyList<string> Settings =>
    [
        "--Cohort:File=" + CohortFile,
        "--Storage:ProofDirectory=" + _folder.File("proofs"),
        "--Terminal:Enabled=false",
        "--Discord:Token=" + FakeDiscord.DefaultToken,
        "--Discord:ApplicationId=" + FakeDiscord.ApplicationId,
        "--Discord:GuildId=" + FakeDiscord.GuildId,
        "--Discord:ApiBaseUrl=" + discord.ApiBaseUrl,
        "--Discord:Attachments:AllowedHosts:0=" + discord.BaseUrl,
        "--Discord:Attachments:AllowPrivateAddresses=true",
        // Deferred early, so a slow command is acknowledged long before Discord's 3 s.
        "--Discord:DeferAfter=00:00:00.200",
        "--Discord:ReconnectDelayMin=00:00:00.050",
        "--Discord:ReconnectDelayMax=00:00:00.200",
        // A held download lasts until the test kills the bot: on a starved machine the kill can come
        // more than the default 30 s after the download began, which would turn a held proof into a
        // failed one and the wait into one for an answer that never comes.
        "--Discord:RequestTimeout=00:10:00",
    ];

    /// <summary>Starts a bot and waits until <paramref name="ready"/> holds for it.</summary>
    public async Task<BotProcess> StartAsync(IEnumerable<string> args, Func<BotProcess, bool> ready, string what)
    {
        var bot = BotProcess.Start(_folder.Path, args, _signals);
        lock (_bots)
        {
            _bots.Add(bot);
        }

        await UntilAsync(bot, () => ready(bot), what);
        return bot;
    }

    /// <summary>Starts a bot and waits until it has identified on the fake gateway.</summary>
    public Task<BotProcess> StartIdentifiedAsync(IEnumerable<string> args)
    {
        var identified = discord.Gateway.Identifies.Count;
        return StartAsync(args, _ => discord.Gateway.Identifies.Count > identified && discord.Gateway.HasLiveConnection, "the bot to identify");
    }

    /// <summary>Runs a bot with its input closed until it exits on its own; fails unless it exits with 0.</summary>
    public async Task RunToEndAsync(IEnumerable<string> args)
    {
        var bot = BotProcess.Start(_folder.Path, args, _signals);
        lock (_bots)
        {
            _bots.Add(bot);
        }

        bot.EndInput();
        var exitCode = await bot.ExitCodeAsync();
        Assert.True(exitCode == 0, $"The bot failed ({exitCode}):\n{bot.Log}");
    }

    /// <summary>Waits as <see cref="BotProcess.UntilAsync"/> does, also at every process's log lines; on failure, with every log.</summary>
    public async Task UntilAsync(BotProcess bot, Func<bool> condition, string what, params Pulse[] more)
    {
        Pulse[] logs;
        lock (_bots)
        {
            logs = [.. _bots.Select(b => b.Logged)];
        }

        try
        {
            await bot.UntilAsync(condition, what, [.. more, .. logs]);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            throw new TimeoutException($"Gave up waiting for {what}.\n{Logs}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }

        await discord.DisposeAsync();
        _folder.Dispose();
    }
}

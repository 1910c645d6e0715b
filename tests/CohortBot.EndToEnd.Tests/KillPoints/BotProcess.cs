using System.Collections.Concurrent;
using System.Diagnostics;
using CohortBot.Fakes;
using CohortBot.Fakes.Discord;

namespace CohortBot.EndToEnd.Tests.KillPoints;

/// <summary>
/// The real <c>cohortbot</c> program as a child process, as an operator runs it: started, then
/// stopped the hard way (SIGKILL) or asked to stop (SIGTERM). Its log lines are kept, so a test can
/// wait for the moment it is in (for example draining) before killing it.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly Pulse _logged = new();
    private readonly FakeDiscord _discord;
    private readonly Pulse[] _also;

    private BotProcess(Process process, FakeDiscord discord, Pulse[] also)
    {
        _process = process;
        _discord = discord;
        _also = also;
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
    }

    public string Log => string.Join('\n', _log);

    public IReadOnlyList<string> Lines => [.. _log];

    /// <summary>Fires at each log line.</summary>
    public Pulse Logged => _logged;

    /// <summary>Starts the bot and waits until it has identified on the fake gateway.</summary>
    public static async Task<BotProcess> StartAsync(string folder, IEnumerable<string> args, FakeDiscord discord)
    {
        var identified = discord.Gateway.Identifies.Count;
        return await StartAsync(folder, args, discord, _ => discord.Gateway.Identifies.Count > identified && discord.Gateway.HasLiveConnection, "the bot to identify");
    }

    /// <summary>
    /// Starts the bot and waits until <paramref name="ready"/> holds, re-checking also at each of
    /// <paramref name="also"/> (e.g. a second fake's changes) for as long as the process lives.
    /// </summary>
    public static async Task<BotProcess> StartAsync(string folder, IEnumerable<string> args, FakeDiscord discord, Func<BotProcess, bool> ready, string what, params Pulse[] also)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cohortbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var bot = new BotProcess(Process.Start(start)!, discord, also);
        bot._process.BeginErrorReadLine();
        bot._process.BeginOutputReadLine();
        await bot.UntilAsync(() => ready(bot), what);
        return bot;
    }

    /// <summary>SIGKILL: nothing of the process runs after this, not even a finally block.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the host starts its orderly stop (the container's <c>docker stop</c>).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public Task WaitForLogAsync(string text) => UntilAsync(() => _log.Any(l => l.Contains(text, StringComparison.Ordinal)), $"the log line '{text}'");

    /// <summary>
    /// Waits for a condition the bot brings about, re-checking whenever it writes a log line, the fake
    /// Discord receives or answers a request, or its gateway sees a frame. The patience only matters on failure.
    /// </summary>
    public async Task UntilAsync(Func<bool> condition, string what, params Pulse[] more)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var next = Task.WhenAny([_logged.Next, _discord.Arrived.Next, _discord.Gateway.Changed.Next, _process.WaitForExitAsync(timeout.Token), .. _also.Concat(more).Select(p => p.Next)]);
            if (condition())
            {
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited ({_process.ExitCode}) while waiting for {what}:\n{Log}");
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Gave up waiting for {what}:\n{Log}");
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
            _logged.Fire();
        }
    }
}

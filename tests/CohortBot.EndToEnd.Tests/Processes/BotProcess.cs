using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CohortBot.Fakes;

namespace CohortBot.EndToEnd.Tests.Processes;

/// <summary>
/// The real <c>cohortbot</c> program as a child process, as an operator runs it: started, then
/// stopped the hard way (SIGKILL), asked to stop (SIGTERM), or left to end on its own. Its log lines
/// are kept, so a test can wait for the moment it is in (for example draining) before killing it.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly Pulse _logged = new();
    private readonly IReadOnlyList<Pulse> _signals;
    private bool _disposed;

    private BotProcess(Process process, IReadOnlyList<Pulse> signals)
    {
        _process = process;
        _signals = signals;
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
    }

    public string Log => string.Join('\n', _log);

    public IReadOnlyList<string> Lines => [.. _log];

    /// <summary>Fires at each log line.</summary>
    public Pulse Logged => _logged;

    /// <summary>
    /// Starts <c>cohortbot</c> in <paramref name="folder"/> with <paramref name="args"/>. Its waits
    /// re-check at each of its log lines, at its exit and at each of <paramref name="signals"/>
    /// (the fakes it talks to).
    /// </summary>
    public static BotProcess Start(string folder, IEnumerable<string> args, IReadOnlyList<Pulse> signals)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        // Test-only: a process that lives a few seconds gains nothing from dynamic PGO's instrumented
        // tier, and it costs about 15% of its start-up CPU; the product keeps the runtime's defaults.
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cohortbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var bot = new BotProcess(Process.Start(start)!, signals);
        bot._process.BeginErrorReadLine();
        bot._process.BeginOutputReadLine();
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
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Closes the bot's standard input (the terminal adapter's end of input).</summary>
    public void EndInput() => _process.StandardInput.Close();

    /// <summary>Waits until the process has ended on its own and all its output is read; returns its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Gave up waiting for the bot to exit:\n{Log}");
        }

        return _process.ExitCode;
    }

    /// <summary>
    /// Waits for a condition the bot brings about, re-checking whenever it writes a log line or
    /// exits, or one of its signals or <paramref name="more"/> fires. The patience only matters on failure.
    /// </summary>
    public async Task UntilAsync(Func<bool> condition, string what, params Pulse[] more)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var next = Task.WhenAny([_logged.Next, _process.WaitForExitAsync(timeout.Token), .. _signals.Concat(more).Select(p => p.Next)]);
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
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
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

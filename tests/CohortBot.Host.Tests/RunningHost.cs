using System.Diagnostics;
using System.Threading.Channels;
using CohortBot.Testing;

namespace CohortBot.Host.Tests;

/// <summary>The real program running as a child process, its standard input open, its log lines readable as they come.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _stderr = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _stdout = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    private RunningHost(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _stderr.Writer.TryComplete();
            }
            else
            {
                _stderr.Writer.TryWrite(e.Data);
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _stdout.Writer.TryComplete();
            }
            else
            {
                _stdout.Writer.TryWrite(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public static RunningHost Start(TempFolder folder, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        new(Process.Start(HostProcess.StartInfo(folder, environment, args))!);

    public IReadOnlyList<string> Seen => _seen;

    /// <summary>Waits for a log line containing <paramref name="text"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var line in _stderr.Reader.ReadAllAsync(timeout.Token))
        {
            _seen.Add(line);
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"The bot exited without logging '{text}':\n" + string.Join("\n", _seen));
    }

    /// <summary>Waits for a line of the chat (standard output) containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForOutputAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var line in _stdout.Reader.ReadAllAsync(timeout.Token))
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"The bot's output ended without '{text}'.");
    }

    public async Task SendAsync(string input)
    {
        await _process.StandardInput.WriteAsync(input);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Ends standard input (the terminal adapter then stops the bot) and waits for the exit code.</summary>
    public async Task<int> EndInputAndWaitAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

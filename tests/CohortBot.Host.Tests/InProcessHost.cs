using CohortBot.Terminal;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CohortBot.Host.Tests;

/// <summary>
/// The real host built from command-line arguments as the program builds it, started in this
/// process (no child process to start and JIT): its terminal input stays open until the test ends
/// it, its chat output and log entries are kept for the test to wait on.
/// </summary>
internal sealed class InProcessHost : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessHost(IHost host, TerminalInput input, TerminalOutput output, CapturingLogger logs)
    {
        _host = host;
        Input = input;
        Output = output;
        Logs = logs;
    }

    public TerminalInput Input { get; }

    public TerminalOutput Output { get; }

    public CapturingLogger Logs { get; }

    /// <summary>Builds and starts the host on <paramref name="folder"/>'s database; a failed start throws what the program would report.</summary>
    public static async Task<InProcessHost> StartAsync(TempFolder folder, params string[] args)
    {
        var (input, output, logs) = (new TerminalInput(), new TerminalOutput(), new CapturingLogger());
        var host = CohortBotHost.Build([.. args, "--Storage:DatabasePath=" + folder.File("bot.db")], b =>
        {
            b.Services.AddSingleton(new TerminalIO(input, output, echoInput: true));
            b.Logging.ClearProviders();
            b.Logging.AddProvider(logs);
        });
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new InProcessHost(host, input, output, logs);
    }

    /// <summary>The URL the management listener logged it listens on (its port was 0: any free one).</summary>
    public string ManagementUrl()
    {
        const string Prefix = "Management listener on ";
        var message = Logs.Entries.Select(e => e.Message).Single(m => m.StartsWith(Prefix, StringComparison.Ordinal));
        return message[Prefix.Length..].Split(' ', ',')[0].Trim();
    }

    /// <summary>Ends the terminal's input, which stops the bot as end of standard input does, and waits for the stop.</summary>
    public async Task EndInputAndWaitAsync()
    {
        Input.End();
        await _host.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        Input.End();
        await _host.StopAsync();
        _host.Dispose();
    }
}

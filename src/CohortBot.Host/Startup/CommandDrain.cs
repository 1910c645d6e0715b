using CohortBot.Core.Commands;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CohortBot.Host.Startup;

/// <summary>
/// Registered before the adapters, so it is stopped after them (the host stops services in
/// reverse order): by then no new command arrives, and it waits for the ones still running
/// before the database is closed. Ctrl+C never cuts a write in half.
/// </summary>
internal sealed partial class CommandDrain(CommandRunner runner, ILogger<CommandDrain> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (runner.InFlight > 0)
        {
            LogWaiting(runner.InFlight);
        }

        try
        {
            await runner.WaitIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogGaveUp(runner.InFlight);
        }

        SqliteConnectionFactory.ReleaseAll();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for {Count} command(s) to finish")]
    private partial void LogWaiting(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timeout: {Count} command(s) still running")]
    private partial void LogGaveUp(int count);
}

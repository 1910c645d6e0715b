using CohortBot.Core.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CohortBot.Discord.Commands;

/// <summary>Registers the commands once at start-up, retrying with back-off while Discord is unreachable.</summary>
public sealed partial class CommandRegistrationService(CommandRegistrar registrar, TimeProvider clock, ILogger<CommandRegistrationService> logger) : BackgroundService
{
    private const int Attempts = 6;

    /// <summary>Discord unreachable at start: 2 s, doubling (with jitter) up to a minute.</summary>
    private static readonly BackoffPolicy Backoff = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await registrar.RegisterAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex, attempt, Attempts);
                if (attempt == Attempts)
                {
                    return;
                }

                await Task.Delay(Backoff.Delay(attempt), clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering Discord commands failed (attempt {Attempt} of {Attempts})")]
    private partial void LogFailed(Exception ex, int attempt, int attempts);
}

using CohortBot.Core.Resilience;
using CohortBot.Core.Transport;
using CohortBot.Discord.Interactions;
using CohortBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Gateway;

/// <summary>
/// Keeps one gateway connection alive for as long as the host runs: resumes when Discord allows
/// it, identifies again when it does not, backs off with jitter between attempts, and stops only on
/// close codes that no retry can fix.
/// </summary>
public sealed partial class DiscordGatewayService(
    DiscordRestClient rest,
    InteractionHandler interactions,
    IWebSocketConnector connector,
    GatewayStatus status,
    IOptions<DiscordOptions> options,
    TimeProvider clock,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private readonly GatewaySession _session = new();
    private string? _gatewayUrl;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var failures = 0;
        var resume = false;
        while (!stopping.IsCancellationRequested)
        {
            var outcome = GatewayOutcome.Identify;
            try
            {
                var readyBefore = status.ReadyCount + status.ResumedCount;
                outcome = await ConnectOnceAsync(resume, stopping);
                failures = status.ReadyCount + status.ResumedCount > readyBefore ? 0 : failures + 1;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                _gatewayUrl = null;
                outcome = _session.CanResume ? GatewayOutcome.Resume : GatewayOutcome.Identify;
                LogConnectFailed(ex, failures);
            }

            if (outcome == GatewayOutcome.Stopping)
            {
                break;
            }

            if (outcome == GatewayOutcome.Fatal)
            {
                return;
            }

            resume = outcome == GatewayOutcome.Resume;
            var delay = Backoff(failures);
            status.Set(GatewayConnectionState.Reconnecting, retryIn: delay);
            try
            {
                await Task.Delay(delay, clock, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        status.Set(GatewayConnectionState.Disconnected);
    }

    private async Task<GatewayOutcome> ConnectOnceAsync(bool resume, CancellationToken stopping)
    {
        var o = options.Value;
        // The state moves first: discovering the URL is part of connecting (and ends the back-off the status reported).
        status.Set(resume && _session.CanResume ? GatewayConnectionState.Resuming : GatewayConnectionState.Connecting);
        var url = resume && _session.CanResume ? _session.ResumeUrl! : await GatewayUrlAsync(stopping);
        System.Net.WebSockets.WebSocket socket;
        using (var timeout = new CancellationTokenSource(o.HelloTimeout, clock))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token))
        {
            // Discord's own heartbeat carries liveness; WebSocket keep-alive pongs are not needed.
            socket = await connector.ConnectAsync(WithQuery(url), TimeSpan.Zero, linked.Token);
        }

        using var owned = socket;

        var connection = new GatewayConnection(owned, _session, interactions, status, o, clock, logger);
        var outcome = await connection.RunAsync(resume, stopping);
        if (outcome == GatewayOutcome.Fatal)
        {
            var code = connection.CloseCode ?? 0;
            status.Set(GatewayConnectionState.Stopped, GatewayCloseCodes.Describe(code));
            LogFatalClose(code, GatewayCloseCodes.Describe(code));
        }

        return outcome;
    }

    private async Task<string> GatewayUrlAsync(CancellationToken ct)
    {
        if (_gatewayUrl is not null)
        {
            return _gatewayUrl;
        }

        var answer = await rest.GetGatewayBotAsync(ct) ?? throw new InvalidOperationException("GET /gateway/bot returned no body.");
        if (answer.SessionStartLimit is { Remaining: <= 0, ResetAfter: > 0 } limit)
        {
            // Going over the daily Identify budget ends every session and resets the bot token: wait instead.
            LogIdentifyBudgetSpent(limit.ResetAfter);
            await Task.Delay(TimeSpan.FromMilliseconds(limit.ResetAfter), clock, ct);
        }

        _gatewayUrl = answer.Url is { Length: > 0 } url ? url : throw new InvalidOperationException("GET /gateway/bot returned no url.");
        return _gatewayUrl;
    }

    internal static Uri WithQuery(string url)
    {
        var builder = new UriBuilder(url);
        var query = builder.Query.TrimStart('?');
        var parts = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("v=", StringComparison.Ordinal) && !p.StartsWith("encoding=", StringComparison.Ordinal))
            .Append("v=10").Append("encoding=json");
        builder.Query = string.Join('&', parts);
        return builder.Uri;
    }

    private TimeSpan Backoff(int failures) => options.Value.ReconnectBackoff.Delay(failures);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord closed the gateway with {Code} ({Reason}). Not reconnecting: fix the configuration and restart.")]
    private partial void LogFatalClose(int code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Identify left in Discord's daily budget: waiting {ResetMs} ms for it to reset")]
    private partial void LogIdentifyBudgetSpent(long resetMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway connection attempt failed ({Failures} in a row); retrying")]
    private partial void LogConnectFailed(Exception ex, int failures);
}

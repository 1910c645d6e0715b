using CohortBot.Core.Transport;
using CohortBot.Slack.Interactivity;
using CohortBot.Slack.WebApi;
using CohortBot.Slack.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.SocketMode;

/// <summary>
/// Keeps a Socket Mode connection up for as long as the host runs. When Slack asks to disconnect,
/// the new socket is opened (and has said hello) before the old one is closed, so envelopes keep
/// arriving on one or the other; a dropped socket is replaced with jittered backoff, forever.
/// Only <c>link_disabled</c> stops it: Slack has turned Socket Mode off for the app.
/// </summary>
internal sealed partial class SocketModeService(
    SlackWebApi api,
    SlackInbound inbound,
    SlackConnectionStatus status,
    IWebSocketConnector connector,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SocketModeService> logger) : BackgroundService
{
    /// <summary>Slack's whole acknowledgement window: after it, Slack retries the envelope elsewhere anyway.</summary>
    private static readonly TimeSpan AckWindow = TimeSpan.FromSeconds(3);

    private int _nextId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        status.Set(SlackConnectionState.Connecting);
        SocketModeConnection? current = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (current is null)
                {
                    current = await ConnectWithBackoffAsync(() => failures++, stoppingToken);
                    failures = 0;
                }

                var ended = await Task.WhenAny(current.DisconnectRequested, current.Closed).WaitAsync(stoppingToken);
                if (ended == current.DisconnectRequested)
                {
                    var reason = await current.DisconnectRequested;
                    if (reason == SocketModeTypes.LinkDisabled)
                    {
                        LogLinkDisabled();
                        status.Set(SlackConnectionState.Disabled, reason);
                        // Retired here, so the finally below must not retire it a second time (a disposed
                        // connection throws, and a faulted background service stops the host).
                        var disabled = current;
                        current = null;
                        await RetireAsync(disabled);
                        return;
                    }

                    // Open the replacement first; the old socket keeps serving until it has said hello.
                    var old = current;
                    current = await ConnectWithBackoffAsync(() => failures++, stoppingToken);
                    failures = 0;
                    _ = RetireAsync(old, reason);
                    continue;
                }

                status.SocketClosed("dropped");
                status.Set(SlackConnectionState.Reconnecting, "dropped");
                await current.DisposeAsync();
                current = null;
                await Task.Delay(Backoff(++failures), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (current is not null)
            {
                await RetireAsync(current);
            }

            if (status.State != SlackConnectionState.Disabled)
            {
                status.Set(SlackConnectionState.Stopped);
            }
        }
    }

    private async Task<SocketModeConnection> ConnectWithBackoffAsync(Func<int> failed, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var url = await api.OpenSocketAsync(ct);
                if (options.Value.DebugReconnects)
                {
                    url = new Uri(url + (url.Query.Length > 0 ? "&" : "?") + "debug_reconnects=true");
                }

                var id = Interlocked.Increment(ref _nextId);
                var connection = await SocketModeConnection.OpenAsync(id, url, connector, options.Value.HelloTimeout, clock, OnEnvelope, logger, ct);
                status.SocketOpened();
                status.Set(SlackConnectionState.Connected);
                LogConnected(id);
                return connection;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                var delay = Backoff(failed() + 1);
                LogConnectFailed(ex, delay.TotalSeconds);
                status.Set(SlackConnectionState.Reconnecting);
                await Task.Delay(delay, clock, ct);
            }
        }
    }

    private async Task RetireAsync(SocketModeConnection connection, string? reason = null)
    {
        // Acknowledgements for envelopes that came on this socket must go out on it before it closes.
        await connection.WaitIdleAsync(AckWindow, clock);
        await connection.CloseAsync(TimeSpan.FromSeconds(2));
        await connection.DisposeAsync();
        status.SocketClosed(reason);
        LogRetired(connection.Id, reason ?? "stopping");
    }

    private void OnEnvelope(InboundRequest request, Func<AckPayload?, Task> ack)
    {
        status.EnvelopeReceived();
        inbound.Receive(request, ack);
    }

    /// <summary>The one back-off policy, so many instances do not reconnect in step.</summary>
    private TimeSpan Backoff(int failures) => new Core.Resilience.BackoffPolicy(options.Value.ReconnectBaseDelay, options.Value.ReconnectMaxDelay).Delay(failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack socket {Id} connected")]
    private partial void LogConnected(int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to Slack Socket Mode; retrying in {Seconds:0.0} s")]
    private partial void LogConnectFailed(Exception ex, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack socket {Id} retired ({Reason})")]
    private partial void LogRetired(int id, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack disabled Socket Mode for this app (link_disabled): not reconnecting. Turn Socket Mode back on in the app settings and restart CohortBot.")]
    private partial void LogLinkDisabled();
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CohortBot.Slack.SocketMode;

/// <summary>Healthy while a socket is up; degraded while reconnecting; unhealthy when Slack disabled Socket Mode.</summary>
public sealed class SlackHealthCheck(SlackConnectionStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["state"] = status.State.ToString(),
            ["openSockets"] = status.OpenSockets,
            ["lastDisconnectReason"] = status.LastDisconnectReason ?? string.Empty,
        };
        return Task.FromResult(status.State switch
        {
            SlackConnectionState.Connected => HealthCheckResult.Healthy("Slack Socket Mode connected.", data),
            SlackConnectionState.Disabled => HealthCheckResult.Unhealthy("Slack disabled Socket Mode for this app (link_disabled).", data: data),
            _ => HealthCheckResult.Degraded($"Slack Socket Mode is {status.State}.", data: data),
        });
    }
}

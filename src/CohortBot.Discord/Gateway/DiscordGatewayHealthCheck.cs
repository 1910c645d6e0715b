using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CohortBot.Discord.Gateway;

/// <summary>Healthy when the gateway is READY; degraded while (re)connecting; unhealthy once stopped for good.</summary>
public sealed class DiscordGatewayHealthCheck(GatewayStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.State switch
        {
            GatewayConnectionState.Ready => HealthCheckResult.Healthy("Discord gateway ready."),
            GatewayConnectionState.Stopped => HealthCheckResult.Unhealthy("Discord gateway stopped: " + status.StopReason),
            var state => HealthCheckResult.Degraded("Discord gateway " + state.ToString().ToLowerInvariant() + "."),
        });
}

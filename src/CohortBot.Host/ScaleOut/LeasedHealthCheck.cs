using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CohortBot.Host.ScaleOut;

/// <summary>
/// The health of a service that runs under a lease: the service's own check on the instance that
/// holds the lease, and healthy on a standby, which is doing its job by waiting (it serves everything
/// else, and takes the service over when the holder dies). Without this a standby's Gateway reads as
/// "disconnected", its readiness probe fails, and an orchestrator restarts a working instance.
/// </summary>
internal sealed class LeasedHealthCheck(LeasedHostedService lease, IHealthCheck holderCheck) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        lease.Holding
            ? holderCheck.CheckHealthAsync(context, cancellationToken)
            : Task.FromResult(HealthCheckResult.Healthy($"Standby: another instance holds the {lease.Name} lease; this one takes it over if that instance dies."));
}

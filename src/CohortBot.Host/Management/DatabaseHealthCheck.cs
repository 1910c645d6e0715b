using CohortBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CohortBot.Host.Management;

/// <summary>Healthy when the database (file or server) opens and its migrations table can be read.</summary>
internal sealed class DatabaseHealthCheck(Database connections) : IHealthCheck
{
    private string Name => connections.Dialect == Dialect.Postgres ? "PostgreSQL" : "SQLite";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT max(version) FROM schema_migrations";
            var version = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{Name} reachable (schema {version})");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{Name} not reachable: " + ex.Message);
        }
    }
}

using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CohortBot.Host.Management;

/// <summary>Healthy when the database file opens and its migrations table can be read.</summary>
internal sealed class DatabaseHealthCheck(SqliteConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT max(version) FROM schema_migrations";
            var version = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"SQLite reachable (schema {version})");
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("SQLite not reachable: " + ex.Message);
        }
    }
}

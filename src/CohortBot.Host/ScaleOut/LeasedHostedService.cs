using CohortBot.Storage.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CohortBot.Host.ScaleOut;

/// <summary>
/// Runs <paramref name="inner"/> only on the instance that holds the lease <paramref name="name"/>:
/// the others wait and try again every <see cref="RetryInterval"/>, and one of them starts it within
/// that interval once the holder dies. A holder that finds its lease gone stops the service at once,
/// so two instances never run it together for longer than one check.
/// Used for the Discord Gateway: one connection per bot token, whatever the number of instances.
/// </summary>
internal sealed partial class LeasedHostedService(
    IHostedService inner,
    string name,
    string connectionString,
    TimeProvider clock,
    ILogger<LeasedHostedService> logger) : BackgroundService
{
    public static TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    public string Name => name;

    /// <summary>Whether this instance holds the lease and runs the service now.</summary>
    public bool Holding { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            PostgresLease? lease = null;
            try
            {
                lease = await PostgresLease.TryAcquireAsync(connectionString, name, stopping);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                LogUnreachable(ex, name);
            }

            if (lease is not null)
            {
                await using (lease)
                {
                    await RunWhileHeldAsync(lease, stopping);
                }
            }

            await DelayAsync(stopping);
        }
    }

    private async Task RunWhileHeldAsync(PostgresLease lease, CancellationToken stopping)
    {
        LogAcquired(name);
        Holding = true;
        await inner.StartAsync(stopping);
        try
        {
            while (!stopping.IsCancellationRequested && await lease.StillHeldAsync(stopping))
            {
                await DelayAsync(stopping);
            }

            if (!stopping.IsCancellationRequested)
            {
                LogLost(name);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            Holding = false;
            await inner.StopAsync(CancellationToken.None);
        }
    }

    private async Task DelayAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(RetryInterval, clock, stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance holds the lease {Lease} and runs what it guards")]
    private partial void LogAcquired(string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} was lost (its database session ended); stopping what it guards")]
    private partial void LogLost(string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not try the lease {Lease}: the database is unreachable")]
    private partial void LogUnreachable(Exception ex, string lease);
}

using System.Threading.Channels;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// On PostgreSQL several instances serve one cohort, and an organizer's live page is open on one of
/// them while a participant's proof may land on another. Each instance tells the others through
/// PostgreSQL's own LISTEN/NOTIFY that something changed here (one notification per burst: changes
/// made while one is on its way ride along), and moves its <see cref="LivePulse"/> when another
/// instance says so. The payload is the sender's id, so nobody reacts to its own news. A dropped
/// listening connection is opened again after <see cref="RetryInterval"/>; pages refetch anyway on
/// reconnect, so a change missed while it was down costs one stale view, not a wrong one.
/// </summary>
internal sealed partial class PostgresLiveRelay(LivePulse pulse, IOptions<StorageOptions> storage, TimeProvider clock, ILogger<PostgresLiveRelay> logger) : BackgroundService
{
    internal const string Channel = "cohortbot_dashboard";

    public static TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Channel<bool> _pending = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance listens (the first time).</summary>
    public Task Listening => _listening.Task;

    protected override Task ExecuteAsync(CancellationToken stopping)
    {
        pulse.LocalChange += OnLocalChange;
        return Task.WhenAll(ListenAsync(stopping), NotifyAsync(stopping));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        pulse.LocalChange -= OnLocalChange;
        await base.StopAsync(cancellationToken);
    }

    private void OnLocalChange() => _pending.Writer.TryWrite(true);

    private async Task NotifyAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var _ in _pending.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    await using var db = new NpgsqlConnection(storage.Value.ConnectionString);
                    await db.OpenAsync(stopping);
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @instance)", db) { Parameters = { new("channel", Channel), new("instance", _instance) } };
                    await notify.ExecuteNonQueryAsync(stopping);
                }
                catch (NpgsqlException ex)
                {
                    LogNotifyFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                // Not pooled: the subscription lives exactly as long as this session.
                var builder = new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString) { Pooling = false, KeepAlive = 30, ApplicationName = "cohortbot dashboard relay" };
                await using var db = new NpgsqlConnection(builder.ConnectionString);
                db.Notification += (_, e) =>
                {
                    if (e.Payload != _instance)
                    {
                        pulse.Changed();
                    }
                };
                await db.OpenAsync(stopping);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", db))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }

                _listening.TrySetResult();
                // What changed while this instance was not listening is not known: the pages look again.
                pulse.Changed();
                while (true)
                {
                    await db.WaitAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                LogListenFailed(ex, RetryInterval);
            }

            try
            {
                await Task.Delay(RetryInterval, clock, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances that the dashboard changed")]
    private partial void LogNotifyFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the dashboard's change feed from the other instances; listening again in {Retry}")]
    private partial void LogListenFailed(Exception ex, TimeSpan retry);
}

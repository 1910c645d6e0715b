using System.Diagnostics.Metrics;
using CohortBot.Core.Commands;
using CohortBot.Core.Diagnostics;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// Tells the dashboard's open pages that something may have changed: every command that changes
/// the cohort (a proof from chat, a review from anywhere) is measured by <see cref="CommandMetrics"/>
/// once its reply is ready, after its commit; this listens to that measurement of this host's meter
/// only, so the adapters and the command runner need to know nothing about the dashboard.
/// </summary>
internal sealed class LivePulse : IDisposable
{
    private static readonly HashSet<string> Changing = new(StringComparer.Ordinal)
    {
        Catalogue.Submit.Name, Catalogue.Cert.Name, Catalogue.Approve.Name, Catalogue.Reject.Name, Catalogue.Review.Name,
        Catalogue.Excuse.Name, Catalogue.Extend.Name, Catalogue.Drop.Name, Catalogue.RosterImport.Name, Catalogue.Rsvp.Name,
        Catalogue.Checkin.Name, Catalogue.Attend.Name, Catalogue.Forget.Name, Catalogue.ForgetMe.Name,
        Catalogue.EventCreate.Name, Catalogue.EventEdit.Name, Catalogue.EventCancel.Name,
    };

    private readonly MeterListener _listener = new();
    private readonly object _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    public LivePulse(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CohortTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == "cohortbot.command.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) => OnCommand(tags));
        _listener.Start();
    }

    public long Version => Interlocked.Read(ref _version);

    /// <summary>A command on this instance changed something (other instances are told by <see cref="PostgresLiveRelay"/>).</summary>
    public event Action? LocalChange;

    /// <summary>Completes when the version moves past <paramref name="seen"/>.</summary>
    public Task NextAfterAsync(long seen, CancellationToken ct)
    {
        lock (_gate)
        {
            return _version > seen ? Task.CompletedTask : _next.Task.WaitAsync(ct);
        }
    }

    /// <summary>Something changed (a command, or a change the dashboard made itself).</summary>
    public void Changed()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            _version++;
            done = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }

    public void Dispose() => _listener.Dispose();

    private void OnCommand(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? command = null;
        string? outcome = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "command")
            {
                command = tag.Value as string;
            }
            else if (tag.Key == "outcome")
            {
                outcome = tag.Value as string;
            }
        }

        if (command is not null && Changing.Contains(command) && outcome is "ok" or "refused")
        {
            Changed();
            LocalChange?.Invoke();
        }
    }
}

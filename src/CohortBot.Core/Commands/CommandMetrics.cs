using System.Diagnostics.Metrics;
using CohortBot.Core.Diagnostics;

namespace CohortBot.Core.Commands;

/// <summary>
/// How commands fare, on every platform alike: <c>cohortbot.command.duration</c> (seconds, from
/// the runner taking the invocation to the reply being ready; tags platform, command, outcome) and
/// <c>cohortbot.commands.in_flight</c>.
/// </summary>
public sealed class CommandMetrics
{
    private static readonly HashSet<string> Known = [.. Catalogue.All.Select(c => c.Name)];

    private readonly Histogram<double> _duration;
    private Func<int> _inFlight = static () => 0;

    public CommandMetrics(IMeterFactory? meters = null)
    {
        var meter = CohortTelemetry.CreateMeter(meters);
        _duration = meter.CreateHistogram(
            "cohortbot.command.duration",
            unit: "s",
            description: "Time to handle one command, until its reply is ready.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CohortTelemetry.DurationBuckets });
        meter.CreateObservableGauge("cohortbot.commands.in_flight", () => _inFlight(), unit: "{command}", description: "Commands being handled right now.");
    }

    /// <summary>The runner reports its in-flight count through this (one runner per container).</summary>
    internal void ObserveInFlight(Func<int> count) => _inFlight = count;

    public void Handled(string platform, string command, string outcome, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, [new("platform", platform), new("command", command), new("outcome", outcome)]);

    /// <summary>
    /// The outcome tag: <c>ok</c>, <c>refused</c> (a warning: wrong week, full office hour),
    /// <c>error</c> (an error reply: bad input, not allowed) or <c>failed</c> (it threw).
    /// </summary>
    public static string Outcome(Reply? reply) => reply?.Tone switch
    {
        null => "failed",
        ReplyTone.Error => "error",
        ReplyTone.Warning => "refused",
        _ => "ok",
    };

    /// <summary>The command tag: a catalogue command's name, else <c>other</c> (so a typo cannot make a new series).</summary>
    public static string CommandTag(string command)
    {
        var name = command.TrimStart('/').ToLowerInvariant();
        return Known.Contains(name) ? name : "other";
    }


}

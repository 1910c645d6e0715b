using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CohortBot.Core.Diagnostics;

/// <summary>
/// The names the bot's instruments and spans are published under. Core defines them with the
/// BCL's <see cref="Meter"/> and <see cref="ActivitySource"/> only; the host decides whether
/// anything listens (OpenTelemetry: Prometheus <c>/metrics</c>, OTLP), so with nothing configured
/// recording costs next to nothing. Every instrument is listed in docs/operations.md.
/// </summary>
public static class CohortTelemetry
{
    public const string MeterName = "CohortBot";

    public const string ActivitySourceName = "CohortBot";

    /// <summary>Spans: an inbound delivery, the command inside it, the SQL statements inside that.</summary>
    public static ActivitySource Source { get; } = new(ActivitySourceName);

    /// <summary>Seconds, from a fast read (~1 ms) to a command past the platforms' 3-second window.</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3, 5, 10, 30];

    /// <summary>
    /// The meter of one container (so two hosts in one test process keep their own counts); a
    /// container without <see cref="IMeterFactory"/> (a benchmark, a unit test) gets a meter of its own.
    /// </summary>
    public static Meter CreateMeter(IMeterFactory? factory) =>
        factory?.Create(MeterName) ?? new Meter(MeterName);
}

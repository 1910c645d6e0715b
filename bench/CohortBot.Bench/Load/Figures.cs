using System.Text.Json.Nodes;

namespace CohortBot.Bench.Load;

/// <summary>
/// A step's figures for one platform. Percentiles of the first response count a command that
/// never got one as infinitely slow, so they cannot look better by losing commands; a percentile
/// that lands on such a command is null.
/// </summary>
public sealed record Figures(
    int Sent, double? P50, double? P99, double? Max, int Late, int Deferred, int Errors, int Unanswered, int Redelivered,
    double? FinalP50, double? FinalP99)
{
    public static Figures Of(IReadOnlyList<Sample> samples)
    {
        var first = Sorted(samples.Select(s => s.FirstMs));
        var final = Sorted(samples.Select(s => s.FinalMs));
        return new Figures(
            samples.Count,
            Percentile(first, 0.50),
            Percentile(first, 0.99),
            first.Count == 0 ? null : Percentile(first, 1.0),
            samples.Count(s => s.Late),
            samples.Count(s => s.Deferred),
            samples.Count(s => s.Error),
            samples.Count(s => s.Unanswered),
            samples.Count(s => s.Redelivered),
            Percentile(final, 0.50),
            Percentile(final, 0.99));
    }

    public string Describe() =>
        $"first response p50 {Report.Ms(P50)}, p99 {Report.Ms(P99)}, max {Report.Ms(Max)}; late {Late}, deferred {Deferred}, errors {Errors}, unanswered {Unanswered}"
        + (Redelivered > 0 ? $", redelivered {Redelivered}" : string.Empty)
        + $"; answer p50 {Report.Ms(FinalP50)}, p99 {Report.Ms(FinalP99)}";

    public JsonObject ToJson() => new()
    {
        ["sent"] = Sent,
        ["p50_ms"] = Round(P50),
        ["p99_ms"] = Round(P99),
        ["max_ms"] = Round(Max),
        ["late"] = Late,
        ["deferred"] = Deferred,
        ["errors"] = Errors,
        ["unanswered"] = Unanswered,
        ["redelivered"] = Redelivered,
        ["answer_p50_ms"] = Round(FinalP50),
        ["answer_p99_ms"] = Round(FinalP99),
    };

    public static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    private static List<double> Sorted(IEnumerable<double?> values) =>
        [.. values.Select(v => v ?? double.PositiveInfinity).Order()];

    private static double? Percentile(List<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var value = sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
        return double.IsPositiveInfinity(value) ? null : value;
    }
}

using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using CohortBot.Core.Commands;
using CohortBot.Core.Diagnostics;
using CohortBot.Core.Inbound;
using CohortBot.Core.Outbox;

namespace CohortBot.Core.Tests;

/// <summary>docs/operations.md lists every instrument, and the Grafana dashboard queries only instruments that exist.</summary>
public sealed partial class TelemetryDocsTests
{
    [Fact]
    public void EveryInstrument_IsListedInOperationsDoc_AndTheDashboardUsesNoOther()
    {
        var instruments = Instruments();
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "operations.md"));
        var dashboard = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "grafana", "cohortbot.json"));

        Assert.Equal(14, instruments.Count);
        Assert.All(instruments, i => Assert.Contains($"`{i.Name}` (`{PrometheusName(i)}`)", docs, StringComparison.Ordinal));
        var known = instruments.Select(PrometheusName).ToHashSet();
        var queried = MetricName().Matches(dashboard).Select(m => Regex.Replace(m.Value, "_(bucket|count|sum)$", string.Empty)).ToHashSet();
        Assert.NotEmpty(queried);
        Assert.All(queried, q => Assert.Contains(q, known));
    }

    /// <summary>How the OpenTelemetry Prometheus exporter names an instrument.</summary>
    private static string PrometheusName(Instrument i) =>
        i.Name.Replace('.', '_') + (i.Unit == "s" ? "_seconds" : string.Empty) + (i is Counter<long> ? "_total" : string.Empty);

    private static List<Instrument> Instruments()
    {
        var found = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == CohortTelemetry.MeterName && found.All(f => f.Name != instrument.Name))
                {
                    found.Add(instrument);
                }
            },
        };
        _ = new CommandMetrics();
        _ = new InboundMetrics();
        _ = new OutboxMetrics(new NoBacklog());
        _ = new PlatformMetrics();
        listener.Start();
        return found;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CohortBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CohortBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("cohortbot_[a-z_]+")]
    private static partial Regex MetricName();

    private sealed class NoBacklog : IOutboxBacklog
    {
        public Task<int> CountAsync(CancellationToken ct) => Task.FromResult(0);
    }
}

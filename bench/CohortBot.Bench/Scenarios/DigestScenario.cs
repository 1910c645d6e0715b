using System.Diagnostics;
using CohortBot.Bench.Bot;
using CohortBot.Bench.Setup;
using CohortBot.Charts;
using CohortBot.Core;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Digests;
using CohortBot.Storage;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CohortBot.Bench.Scenarios;

/// <summary>
/// The organizer digest built in this process by Core's <see cref="DigestBuilder"/> over the
/// host's storage, on a copy of the seeded database (participants × weeks of proofs): the whole
/// message with its CSV of every listed person. Not through /digest, which would add a Discord round trip.
/// </summary>
public static class DigestScenario
{
    private const int Rounds = 5;

    public static async Task RunAsync(Workspace workspace, Report report, CancellationToken ct)
    {
        var folder = await workspace.NewRunAsync("digest");
        await using var provider = Services(workspace, folder, chart: false);
        var cohort = await provider.GetRequiredService<ICohortStore>().FindAsync(BenchCohort.Slug, ct)
            ?? throw new InvalidOperationException("The seeded database has no bench cohort.");
        var builder = provider.GetRequiredService<DigestBuilder>();

        var times = new List<double>();
        var messages = 0;
        var csvBytes = 0;
        var csvRows = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            var message = await builder.BuildAsync(cohort, DateTimeOffset.UtcNow, ct);
            times.Add(watch.Elapsed.TotalMilliseconds);
            messages = 1;
            var csv = message.Files.Where(f => f.ContentType == "text/csv").ToList();
            csvBytes = csv.Sum(f => f.Content.Length);
            csvRows = csv.Sum(f => f.Content.Count(b => b == (byte)'\n')) - csv.Count;
        }

        // The same digest with the chart the host attaches (issue 13): what drawing the PNG adds.
        await using var charted = Services(workspace, folder, chart: true);
        var chartBuilder = charted.GetRequiredService<DigestBuilder>();
        var chartTimes = new List<double>();
        var pngBytes = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            var message = await chartBuilder.BuildAsync(cohort, DateTimeOffset.UtcNow, ct);
            chartTimes.Add(watch.Elapsed.TotalMilliseconds);
            pngBytes = message.Files.Where(f => f.ContentType == "image/png").Sum(f => f.Content.Length);
        }

        SqliteConnectionFactory.ReleaseAll();
        BenchStore.ReleaseConnections();
        var warm = times.Skip(1).Order().ElementAt((Rounds - 1) / 2);
        var warmCharted = chartTimes.Skip(1).Order().ElementAt((Rounds - 1) / 2);
        var o = workspace.Options;
        report.Line($"digest for {o.Participants:N0} participants x {o.Weeks} weeks (in-process DigestBuilder on the seeded {workspace.Store.Name} database): first {Report.F(times[0], "0")} ms, then median {Report.F(warm, "0")} ms, {messages} message with a CSV of {csvRows:N0} rows ({csvBytes / 1024:N0} KB)");
        report.Line($"digest with its chart: median {Report.F(warmCharted, "0")} ms, {Report.F(warmCharted - warm, "0")} ms more, a PNG of {pngBytes / 1024:N0} KB");
        var section = report.Section("digest");
        section["chart_median_ms"] = Math.Round(warmCharted, 1);
        section["chart_added_ms"] = Math.Round(warmCharted - warm, 1);
        section["chart_kb"] = pngBytes / 1024;
        section["first_ms"] = Math.Round(times[0], 1);
        section["median_ms"] = Math.Round(warm, 1);
        section["messages"] = messages;
        section["csv_rows"] = csvRows;
        section["csv_kb"] = csvBytes / 1024;
        section["how"] = "in-process DigestBuilder";
    }

    private static ServiceProvider Services(Workspace workspace, string folder, bool chart)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddCohortCore()
            .AddSqliteStorage();
        if (chart)
        {
            services.AddDigestChart();
        }

        services.AddOptions<StorageOptions>().Configure(o =>
        {
            o.DatabasePath = Path.Combine(folder, "bot.db");
            if (workspace.Store.IsPostgres)
            {
                o.Provider = StorageProviders.Postgres;
                o.ConnectionString = workspace.Store.ConnectionString(folder);
            }

            o.ProofDirectory = Path.Combine(folder, "proofs");
        });
        return services.BuildServiceProvider();
    }
}

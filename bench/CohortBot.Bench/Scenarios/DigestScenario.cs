using System.Diagnostics;
using CohortBot.Bench.Bot;
using CohortBot.Bench.Setup;
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
        var folder = workspace.NewRun("digest");
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddCohortCore()
            .AddSqliteStorage();
        services.AddOptions<StorageOptions>().Configure(o =>
        {
            o.DatabasePath = Path.Combine(folder, "bot.db");
            o.ProofDirectory = Path.Combine(folder, "proofs");
        });
        await using var provider = services.BuildServiceProvider();
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
            csvBytes = message.Files.Sum(f => f.Content.Length);
            csvRows = message.Files.Sum(f => f.Content.Count(b => b == (byte)'\n')) - message.Files.Count;
        }

        SqliteConnectionFactory.ReleaseAll();
        var warm = times.Skip(1).Order().ElementAt((Rounds - 1) / 2);
        var o = workspace.Options;
        report.Line($"digest for {o.Participants:N0} participants x {o.Weeks} weeks (in-process DigestBuilder on the seeded database): first {Report.F(times[0], "0")} ms, then median {Report.F(warm, "0")} ms, {messages} message with a CSV of {csvRows:N0} rows ({csvBytes / 1024:N0} KB)");
        var section = report.Section("digest");
        section["first_ms"] = Math.Round(times[0], 1);
        section["median_ms"] = Math.Round(warm, 1);
        section["messages"] = messages;
        section["csv_rows"] = csvRows;
        section["csv_kb"] = csvBytes / 1024;
        section["how"] = "in-process DigestBuilder";
    }
}

using System.Text.Json.Nodes;
using CohortBot.Bench.Bot;

namespace CohortBot.Bench.Scenarios;

/// <summary>Process start to the first Identify frame at the fake gateway, on the full database; and the first-ever start's import.</summary>
public static class StartupScenario
{
    public static async Task RunAsync(Workspace workspace, Report report, CancellationToken ct)
    {
        var o = workspace.Options;
        var times = new List<double>();
        for (var i = 1; i <= o.StartupRuns; i++)
        {
            await using var run = await BotRun.StartAsync(workspace, $"startup-{i}", null, [], ct);
            times.Add(run.StartupToIdentify.TotalMilliseconds);
        }

        var median = times.Order().ElementAt(times.Count / 2);
        report.Line($"start-up to first Identify ({o.Participants:N0} participants, {workspace.SeededRows:N0} proofs): median {Report.F(median, "0")} ms of {times.Count} (each: {string.Join(", ", times.Select(t => Report.F(t, "0")))} ms)");
        report.Line($"first start on an empty database (migrations + cohort file with {o.Participants:N0} roster entries, terminal only): {Report.F(workspace.ImportTime.TotalMilliseconds, "0")} ms");
        var section = report.Section("startup");
        section["to_identify_ms"] = Math.Round(median, 1);
        section["runs_ms"] = new JsonArray([.. times.Select(t => (JsonNode)Math.Round(t, 1))]);
        section["first_import_ms"] = Math.Round(workspace.ImportTime.TotalMilliseconds, 1);
    }
}

using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using CohortBot.Bench;
using CohortBot.Bench.Bot;
using CohortBot.Bench.Scenarios;

// The deadline-rush benchmark of issue 10: the real host as a child process, both adapters
// against the fake Discord and fake Slack on loopback. See bench/README.md for the figures.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});
AppDomain.CurrentDomain.ProcessExit += (_, _) => BotProcess.KillAll();

var report = new Report();
var machine = report.Section("machine");
machine["nproc"] = Environment.ProcessorCount;
machine["cpu"] = Machine.CpuModel();
machine["load_at_start"] = Machine.LoadAverage();
report.Line($"machine: {Environment.ProcessorCount} cores, {machine["cpu"]}, load average at start {machine["load_at_start"]}{(options.Smoke ? " (smoke run)" : string.Empty)}");

Workspace? workspace = null;
try
{
    workspace = await Workspace.PrepareAsync(options, cancel.Token);
    report.Line($"cohort: {options.Participants:N0} participants ({workspace.Cohort.DiscordCount:N0} on Discord, {workspace.Cohort.SlackCount:N0} on Slack), {options.Weeks} weeks, {workspace.SeededRows:N0} proofs and certificates seeded, on {workspace.Store.Name}; work folder {workspace.Root}");
    machine["store"] = workspace.Store.Name;
    (string Name, Func<Workspace, Report, CancellationToken, Task> Run)[] scenarios =
    [
        ("startup", StartupScenario.RunAsync),
        ("digest", DigestScenario.RunAsync),
        ("rush", RushScenario.RunAsync),
        ("burst", BurstScenario.RunAsync),
        ("fanout", FanOutScenario.RunAsync),
    ];
    foreach (var (name, run) in scenarios.Where(s => options.Scenarios.Contains(s.Name)))
    {
        try
        {
            await run(workspace, report, cancel.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            report.Problem($"{name}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    report.Problem("cancelled");
}
catch (Exception ex)
{
    report.Problem($"setup: {ex.GetType().Name}: {ex.Message}");
}
finally
{
    BotProcess.KillAll();
    if (report.Problems.Count > 0 && workspace is not null)
    {
        report.Line($"logs kept in {workspace.Root}");
    }
    else
    {
        workspace?.Dispose();
    }
}

machine["load_at_end"] = Machine.LoadAverage();
report.Figures["problems"] = new JsonArray([.. report.Problems.Select(p => (JsonNode)p)]);
report.Line($"load average at end {machine["load_at_end"]}; {report.Problems.Count} problem(s)");
var json = report.Figures.ToJsonString();
if (options.JsonOut is { } path)
{
    await File.WriteAllTextAsync(path, json);
}

Console.WriteLine(json);
return report.Problems.Count == 0 ? 0 : 1;

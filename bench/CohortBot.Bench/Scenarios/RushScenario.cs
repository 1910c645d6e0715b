using System.Text.Json.Nodes;
using CohortBot.Bench.Bot;
using CohortBot.Bench.Load;

namespace CohortBot.Bench.Scenarios;

/// <summary>
/// The deadline rush: for each offered rate a fresh bot (its own copy of the database), warmed
/// up, then a step on Discord and a step on Slack, each drained before the next. A step that does
/// not drain leaves work in the bot, so the other platform then gets a fresh bot too.
/// </summary>
public static class RushScenario
{
    public const double TargetP99Ms = 50;

    public static async Task RunAsync(Workspace workspace, Report report, CancellationToken ct)
    {
        var o = workspace.Options;
        var section = report.Section("rush");
        var best = new Dictionary<string, int> { [DiscordLoad.Platform] = 0, [SlackLoad.Platform] = 0 };
        foreach (var rate in o.Steps)
        {
            BotRun? run = null;
            try
            {
                foreach (var platform in o.Platforms)
                {
                    if (run is null || !run.Alive)
                    {
                        run = await StartWarmAsync(workspace, $"rush-{rate}-{platform}", ct);
                    }

                    var result = await StepAsync(run, workspace, platform, rate, ct);
                    report.Line($"rush {platform} {rate}/s: {result.Describe()}");
                    (section[platform] as JsonObject ?? (JsonObject)(section[platform] = new JsonObject()))[rate.ToString(System.Globalization.CultureInfo.InvariantCulture)] = result.ToJson();
                    Check(report, o, $"rush {platform} {rate}/s", result);
                    if (result.Figures.P99 <= TargetP99Ms && result.Figures.Late == 0 && !result.Crashed)
                    {
                        best[platform] = Math.Max(best[platform], rate);
                    }

                    if (!result.Drained || result.Crashed)
                    {
                        await run.DisposeAsync();
                        run = null;
                    }
                }
            }
            finally
            {
                if (run is not null)
                {
                    await run.DisposeAsync();
                }
            }
        }

        foreach (var (platform, rate) in best.Where(b => o.Platforms.Contains(b.Key)))
        {
            report.Line($"rush {platform}: highest offered rate with p99 <= {TargetP99Ms} ms and nothing late: {(rate > 0 ? rate + "/s" : "none of the steps")}");
            section[platform + "_best_rate"] = rate;
        }
    }

    private static async Task<BotRun> StartWarmAsync(Workspace workspace, string name, CancellationToken ct)
    {
        var run = await BotRun.StartAsync(workspace, name, null, [], ct);
        if (workspace.Options.Instances == 2)
        {
            await run.AddInstanceAsync(ct);
        }

        await StepRunner.WarmUpAsync(run, workspace, workspace.Options.Warmup, 0.1, ct);
        return run;
    }

    private static Task<StepRunner.Result> StepAsync(BotRun run, Workspace workspace, string platform, int rate, CancellationToken ct)
    {
        var o = workspace.Options;
        var count = Math.Max(1, (int)(rate * o.StepSeconds));
        var people = new Population(workspace.Cohort, o.NewUserShare, 0, o.SlackPool);
        var random = new Random(rate);
        return StepRunner.MeasureAsync(run, TimeSpan.FromSeconds(o.DrainSeconds), platform == DiscordLoad.Platform
            ? () => new DiscordLoad(run.Discord, workspace.Cohort, o.ImageBytes).SendAsync(count, rate, people, random, ct)
            : () => new SlackLoad(run.Slack, workspace.Cohort, o.ImageBytes).SendAsync(count, rate, people, random, ct), ct);
    }

    /// <summary>In a smoke run nothing may be lost or fail; in a full run only a crash is a failure (overload is a figure).</summary>
    public static void Check(Report report, BenchOptions o, string what, StepRunner.Result result)
    {
        if (result.Crashed)
        {
            report.Problem($"{what}: the bot process died");
        }

        if (o.Smoke && (result.Figures.Errors > 0 || result.Figures.Unanswered > 0))
        {
            report.Problem($"{what}: {result.Figures.Errors} error(s), {result.Figures.Unanswered} unanswered of {result.Figures.Sent}");
        }
    }
}

using System.Text.Json.Nodes;
using CohortBot.Bench.Bot;
using CohortBot.Bench.Load;

namespace CohortBot.Bench.Scenarios;

/// <summary>Runs one measured batch on a live bot: peak RSS reset before, CPU seconds across send and drain.</summary>
public static class StepRunner
{
    public sealed record Result(Figures Figures, double PeakRssMb, double CpuSeconds, double MaxLagMs, double AchievedRate, bool Drained, bool Crashed, int AnsweredWithin3s, string Load)
    {
        public JsonObject ToJson()
        {
            var json = Figures.ToJson();
            json["peak_rss_mb"] = Math.Round(PeakRssMb, 1);
            json["cpu_s"] = Math.Round(CpuSeconds, 2);
            json["driver_lag_max_ms"] = Math.Round(MaxLagMs, 1);
            json["achieved_rate"] = Math.Round(AchievedRate, 1);
            json["drained"] = Drained;
            json["crashed"] = Crashed;
            json["load_average"] = Load;
            return json;
        }

        public string Describe() =>
            $"{Figures.Describe()}; peak RSS {Report.F(PeakRssMb, "0")} MB, CPU {Report.F(CpuSeconds, "0.0")} s; sent at {Report.F(AchievedRate, "0")}/s (driver lag max {Report.F(MaxLagMs, "0")} ms)"
            + $"; load {Load}" + (Drained ? string.Empty : " [drain timed out]") + (Crashed ? " [BOT CRASHED]" : string.Empty);
    }

    public static async Task<Result> MeasureAsync(BotRun run, TimeSpan drain, Func<Task<Batch>> send, CancellationToken ct)
    {
        // With a second instance: CPU summed over both, peak RSS the larger of the two.
        BotProcess[] bots = run.Second is { } second ? [run.Bot, second] : [run.Bot];
        foreach (var bot in bots)
        {
            bot.ResetPeak();
        }

        var before = bots.Select(b => b.Stats()).ToList();
        var batch = await send();
        var drained = await batch.DrainAsync(drain, () => run.Alive, ct);
        var after = bots.Select(b => b.Stats()).ToList();
        var samples = batch.Samples();
        return new Result(
            Figures.Of(samples),
            after.Max(a => a?.PeakRssMb ?? 0),
            after.Sum(a => a?.CpuSeconds ?? 0) - before.Sum(b => b?.CpuSeconds ?? 0),
            batch.MaxLagMs,
            batch.AchievedRate,
            drained,
            !run.Alive,
            samples.Count(s => s.FinalMs <= Sample.WindowMs),
            Machine.LoadAverage());
    }

    /// <summary>A few commands before measuring, from a handful of people, so the JIT has compiled the paths (and users.info is barely touched).</summary>
    public static async Task WarmUpAsync(BotRun run, Workspace workspace, int count, double newShare, CancellationToken ct)
    {
        if (count <= 0)
        {
            return;
        }

        var random = new Random(7);
        var cohort = workspace.Cohort;
        var discord = await new DiscordLoad(run.Discord, cohort, workspace.Options.ImageBytes)
            .SendAsync(count / 2, 100, new Population(cohort, newShare, workspace.Options.FanOutRecipients), random, ct);
        var plan = Enumerable.Range(0, count / 2).Select(i => (CommandKind.Pick(random), cohort.SlackId(i % 10))).ToList();
        var slack = await new SlackLoad(run.Slack, cohort, workspace.Options.ImageBytes).SendAsync(plan, 100, random, ct);
        await discord.DrainAsync(TimeSpan.FromSeconds(30), () => run.Alive, ct);
        await slack.DrainAsync(TimeSpan.FromSeconds(30), () => run.Alive, ct);
    }
}

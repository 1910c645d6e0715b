using CohortBot.Bench.Bot;
using CohortBot.Bench.Load;

namespace CohortBot.Bench.Scenarios;

/// <summary>
/// New Slack users in a burst (300 people, one <c>/cohort submit</c> each, within 10 s) while
/// users.info allows about 100 calls a minute: how many are answered within 3 s, and how many
/// users.info calls each person cost.
/// </summary>
public static class BurstScenario
{
    public static async Task RunAsync(Workspace workspace, Report report, CancellationToken ct)
    {
        var o = workspace.Options;
        await using var run = await BotRun.StartAsync(workspace, "burst", null, [], ct);
        // Warm up on Discord only: a Slack warm-up would spend the users.info allowance being measured.
        await new DiscordLoad(run.Discord, workspace.Cohort, o.ImageBytes)
            .SendAsync(Math.Max(1, o.Warmup / 2), 100, new Population(workspace.Cohort, 0.1), new Random(3), ct)
            .ContinueWith(t => t.Result.DrainAsync(TimeSpan.FromSeconds(30), () => run.Alive, ct), ct).Unwrap();

        var plan = Enumerable.Range(0, o.BurstUsers).Select(_ => (CommandKind.SubmitLink, Population.NewSlack())).ToList();
        var result = await StepRunner.MeasureAsync(run, TimeSpan.FromSeconds(o.BurstDrainSeconds),
            () => new SlackLoad(run.Slack, workspace.Cohort, o.ImageBytes).SendAsync(plan, o.BurstUsers / o.BurstSeconds, new Random(4), ct), ct);

        var calls = run.Slack.UsersInfoCalls.Where(c => c.Key.StartsWith("UN", StringComparison.Ordinal)).Sum(c => c.Value);
        var refused = run.Slack.Traffic.Total("429:users.info");
        var limit = o.UsersInfoPerMinute > 0 ? $"{o.UsersInfoPerMinute}/min" : "no limit";
        report.Line($"slack burst, {o.BurstUsers} new users in {Report.F(o.BurstSeconds, "0")} s, users.info {limit}: answered within 3 s {result.AnsweredWithin3s}/{o.BurstUsers}, answered at all {o.BurstUsers - result.Figures.Unanswered}/{o.BurstUsers} (drain {Report.F(o.BurstDrainSeconds, "0")} s); users.info calls per person {Report.F((double)calls / o.BurstUsers, "0.00")} ({refused} refused with 429); {result.Describe()}");
        var section = report.Section("slack_burst");
        section["users"] = o.BurstUsers;
        section["answered_within_3s"] = result.AnsweredWithin3s;
        section["answered"] = o.BurstUsers - result.Figures.Unanswered;
        section["users_info_calls_per_person"] = Math.Round((double)calls / o.BurstUsers, 2);
        section["users_info_429"] = refused;
        section["step"] = result.ToJson();
        RushScenario.Check(report, o, "slack burst", result);
    }
}

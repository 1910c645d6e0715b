using System.Diagnostics;
using System.Globalization;
using CohortBot.Bench.Bot;
using CohortBot.Bench.Load;
using CohortBot.Bench.Setup;
using CohortBot.Fakes.Discord;

namespace CohortBot.Bench.Scenarios;

/// <summary>
/// The deadline reminder to everyone who has not submitted (the first <c>recipients</c> Discord
/// participants), fired by the host's own schedule: the open week's deadline is put a few minutes
/// ahead and <c>Schedules:DeadlineOffsets</c> so that the reminder falls seconds after start-up.
/// Discord's global limit is on. Commands keep coming on both platforms, first while idle and
/// then while the fan-out runs, to compare their p99.
/// </summary>
public static class FanOutScenario
{
    public static async Task RunAsync(Workspace workspace, Report report, CancellationToken ct)
    {
        var o = workspace.Options;
        var lead = TimeSpan.FromSeconds(o.Smoke ? 8 : 30);
        var fireAt = DateTimeOffset.UtcNow + lead;
        var deadline = BenchCohort.Minute(fireAt.AddMinutes(4));
        var offset = TimeSpan.FromSeconds(Math.Round((deadline - fireAt).TotalSeconds));
        await using var run = await BotRun.StartAsync(workspace, "fanout", deadline,
            ["--Schedules:DeadlineOffsets:0=" + offset.ToString("c", CultureInfo.InvariantCulture)], ct);
        // No new users in the warm-up either: each would join the reminder's audience.
        await StepRunner.WarmUpAsync(run, workspace, o.Warmup, 0, ct);

        // Only people who already submitted, so no command adds to the reminder's audience; on
        // Slack 50 of them, whose users.info answers fit the limit, so p99 shows the fan-out's effect.
        var people = new Population(workspace.Cohort, 0, o.FanOutRecipients, 50);
        var discord = new DiscordLoad(run.Discord, workspace.Cohort, o.ImageBytes);
        var slack = new SlackLoad(run.Slack, workspace.Cohort, o.ImageBytes);
        var random = new Random(5);
        var idle = await CommandsAsync(discord, slack, people, random, o.FanOutCommandRate, TimeSpan.FromSeconds(o.FanOutIdleSeconds), ct);
        var idleWasIdle = run.Discord.Traffic.Total(FakeDiscord.DmOpened) == 0;

        var startWait = Stopwatch.StartNew();
        while (run.Discord.Traffic.Total(FakeDiscord.DmOpened) == 0 && startWait.Elapsed < lead + TimeSpan.FromSeconds(60) && run.Alive)
        {
            await Task.Delay(50, ct);
        }

        var during = new List<Batch>();
        var budget = TimeSpan.FromSeconds(2.5 * 2 * o.FanOutRecipients / o.GlobalLimit + 60);
        var fanOut = Stopwatch.StartNew();
        while (run.Discord.Traffic.Total(FakeDiscord.ChannelMessages) < o.FanOutRecipients && fanOut.Elapsed < budget && run.Alive)
        {
            during.AddRange(await CommandsAsync(discord, slack, people, random, o.FanOutCommandRate, TimeSpan.FromSeconds(1), ct));
        }

        // One drain for all the small batches together, not one per batch.
        var drainUntil = Stopwatch.StartNew();
        foreach (var batch in idle.Concat(during))
        {
            var left = TimeSpan.FromSeconds(o.DrainSeconds) - drainUntil.Elapsed;
            if (left <= TimeSpan.Zero || !await batch.DrainAsync(left, () => run.Alive, ct))
            {
                break;
            }
        }

        Summarize(run, workspace, report, idle, during, idleWasIdle);
    }

    private static async Task<List<Batch>> CommandsAsync(DiscordLoad discord, SlackLoad slack, Population people, Random random, int rate, TimeSpan length, CancellationToken ct)
    {
        var count = Math.Max(1, (int)(rate * length.TotalSeconds));
        var d = discord.SendAsync(count, rate, people, random, ct);
        var s = slack.SendAsync(count, rate, people, new Random(random.Next()), ct);
        return [await d, await s];
    }

    private static void Summarize(BotRun run, Workspace workspace, Report report, List<Batch> idle, List<Batch> during, bool idleWasIdle)
    {
        var o = workspace.Options;
        var traffic = run.Discord.Traffic;
        var served = traffic.PerSecond(FakeDiscord.GlobalServed);
        var messages = traffic.PerSecond(FakeDiscord.ChannelMessages);
        var first = traffic.PerSecond(FakeDiscord.DmOpened).Select(p => p.Second).DefaultIfEmpty(0).Min();
        var last = messages.Select(p => p.Second).DefaultIfEmpty(first).Max();
        var seconds = Math.Max(1, last - first + 1);
        var inWindow = served.Where(p => p.Second >= first && p.Second <= last).ToList();
        var requestsPerSecond = inWindow.Sum(p => p.Count) / (double)seconds;
        var full = inWindow.Where(p => p.Second > first && p.Second < last).Select(p => p.Count).Order().ToList();
        var medianFull = full.Count > 0 ? full[full.Count / 2] : requestsPerSecond;
        var delivered = traffic.Total(FakeDiscord.ChannelMessages);
        var refused = traffic.Total(FakeDiscord.GlobalRefused);

        var section = report.Section("fanout");
        section["recipients"] = o.FanOutRecipients;
        section["delivered"] = delivered;
        section["seconds"] = seconds;
        section["requests_per_s"] = Math.Round(requestsPerSecond, 1);
        section["share_of_limit"] = Math.Round(requestsPerSecond / o.GlobalLimit, 3);
        section["median_full_second_share"] = Math.Round(medianFull / o.GlobalLimit, 3);
        section["dms_per_s"] = Math.Round(delivered / (double)seconds, 1);
        section["global_429"] = refused;
        report.Line($"reminder fan-out to {o.FanOutRecipients:N0} of {o.Participants:N0} at a {o.GlobalLimit}/s global limit: {delivered} DMs in {seconds} s; {Report.F(requestsPerSecond)} requests/s = {Report.F(100 * requestsPerSecond / o.GlobalLimit, "0")} % of the limit (median full second {Report.F(100.0 * medianFull / o.GlobalLimit, "0")} %), {Report.F(delivered / (double)seconds)} DMs/s; {refused} x 429 received");
        foreach (var platform in new[] { DiscordLoad.Platform, SlackLoad.Platform })
        {
            var before = Figures.Of([.. idle.SelectMany(b => b.Samples()).Where(s => s.Platform == platform)]);
            var while_ = Figures.Of([.. during.SelectMany(b => b.Samples()).Where(s => s.Platform == platform)]);
            var ratio = before.P99 is > 0 && while_.P99 is { } w ? w / before.P99.Value : (double?)null;
            report.Line($"command p99 on {platform} ({o.FanOutCommandRate}/s): idle {Report.Ms(before.P99)} ({before.Sent} commands{(idleWasIdle ? string.Empty : ", the fan-out had already begun")}), during the fan-out {Report.Ms(while_.P99)} ({while_.Sent} commands){(ratio is { } r ? $", x{Report.F(r, "0.00")}" : string.Empty)}");
            section[platform + "_idle"] = before.ToJson();
            section[platform + "_during"] = while_.ToJson();
            if (o.Smoke && (before.Errors + while_.Errors + before.Unanswered + while_.Unanswered) > 0)
            {
                report.Problem($"fan-out: {platform} commands failed or went unanswered");
            }
        }

        if (!run.Alive)
        {
            report.Problem("fan-out: the bot process died");
        }

        if (o.Smoke && delivered < o.FanOutRecipients)
        {
            report.Problem($"fan-out: {delivered} of {o.FanOutRecipients} reminders delivered");
        }
    }
}

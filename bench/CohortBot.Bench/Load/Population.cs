using System.Globalization;
using CohortBot.Bench.Setup;

namespace CohortBot.Bench.Load;

/// <summary>
/// Who sends the commands: returning participants from the roster (a Discord id from the first
/// half, a Slack id from the second), or with <c>newShare</c> someone the bot has never seen.
/// <c>discordFrom</c> leaves the first Discord participants out (the fan-out's audience);
/// <c>slackPool</c> keeps returning Slack users to the first few.
/// </summary>
public sealed class Population(BenchCohort cohort, double newShare, int discordFrom = 0, int slackPool = 0)
{
    private static long s_new;

    public string Discord(Random random) => random.NextDouble() < newShare
        ? (300_000_000_000_000_000 + Interlocked.Increment(ref s_new)).ToString(CultureInfo.InvariantCulture)
        : BenchCohort.DiscordId(random.Next(discordFrom, cohort.DiscordCount));

    public string Slack(Random random) => random.NextDouble() < newShare
        ? NewSlack()
        : cohort.SlackId(random.Next(0, slackPool > 0 ? Math.Min(slackPool, cohort.SlackCount) : cohort.SlackCount));

    public static string NewSlack() => "UN" + Interlocked.Increment(ref s_new).ToString("D8", CultureInfo.InvariantCulture);
}

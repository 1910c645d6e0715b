using System.Globalization;
using System.Text;

namespace CohortBot.Bench.Setup;

/// <summary>
/// The generated cohort: <c>weeks</c> weekly proofs ending with the current one (open now), one
/// certificate, a tech talk and an office hour, and a roster of <c>participants</c> people, the
/// first half known by a Discord id and the second half by a Slack id. Written as the cohort file
/// the host reads, so the roster goes in through the host's own import.
/// </summary>
public sealed class BenchCohort(int participants, int weeks, DateTimeOffset anchor)
{
    public const string Slug = "bench";
    public const string TechTalk = "tt-bench";
    public const string OfficeHours = "oh-bench";
    private const long DiscordIdBase = 200_000_000_000_000_000;
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public int Participants => participants;

    public int Weeks => weeks;

    /// <summary>The open week that commands submit to.</summary>
    public int CurrentWeek => weeks;

    public int DiscordCount => participants / 2;

    public static string DiscordId(int index) => (DiscordIdBase + index).ToString(CultureInfo.InvariantCulture);

    public string SlackId(int index) => "UB" + (DiscordCount + index).ToString("D7", CultureInfo.InvariantCulture);

    public int SlackCount => participants - DiscordCount;

    public DateTimeOffset WeekOpens(int number) => Minute(anchor.AddDays(-3 - 7 * (weeks - number)));

    public DateTimeOffset WeekDeadline(int number) => WeekOpens(number).AddDays(7).AddMinutes(-1);

    /// <summary>Writes the file; <paramref name="currentDeadline"/> moves the open week's deadline (the fan-out puts it minutes ahead).</summary>
    public void Write(string path, DateTimeOffset? currentDeadline = null)
    {
        var text = new StringBuilder(participants * 48 + 4096);
        var start = WeekOpens(1).AddDays(-1);
        text.Append(CultureInfo.InvariantCulture, $"""
            cohort:
              id: {Slug}
              name: Bench Cohort
              time_zone: Asia/Seoul
              starts: {Local(start)}
              ends: {Local(anchor.AddDays(60))}
              language: en
              registration: open

            weeks:

            """);
        for (var n = 1; n <= weeks; n++)
        {
            var deadline = n == weeks && currentDeadline is { } moved ? moved : WeekDeadline(n);
            text.Append(CultureInfo.InvariantCulture, $"""
                  - number: {n}
                    title: Bench week {n}
                    opens: {Local(WeekOpens(n))}
                    deadline: {Local(deadline)}

                """);
        }

        text.Append(CultureInfo.InvariantCulture, $"""

            certificates:
              deadline: {Local(anchor.AddDays(30))}
              allowed:
                - id: tf-developer
                  name: TensorFlow Developer Certificate

            events:
              - id: {TechTalk}
                kind: tech_talk
                title: Bench tech talk
                company: Bench Co
                starts: {Local(anchor.AddDays(10))}
                duration: 90m
                join_url: https://meet.example.com/{TechTalk}
              - id: {OfficeHours}
                kind: office_hours
                title: Bench office hours
                company: Bench Co
                starts: {Local(anchor.AddDays(12))}
                duration: 45m
                capacity: 50
                join_url: https://meet.example.com/{OfficeHours}

            roster:

            """);
        for (var i = 0; i < participants; i++)
        {
            var platform = i < DiscordCount ? $"discord: \"{DiscordId(i)}\"" : $"slack: {SlackId(i - DiscordCount)}";
            text.Append(CultureInfo.InvariantCulture, $"  - name: Participant {i:D5}\n    {platform}\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Cohort files hold minutes, so every instant is whole minutes.</summary>
    public static DateTimeOffset Minute(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Net;
using CohortBot.Testing;

namespace CohortBot.Host.Tests;

/// <summary>The Prometheus scrape on the management listener, from the real program driven through its terminal.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterAFewTerminalCommands_ShowCommandDurationBuckets()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        await using var bot = RunningHost.Start(folder, null, "--Cohort:File=" + folder.File("cohort.yaml"), "--Management:Enabled=true", "--Management:Url=http://127.0.0.1:0");
        var line = await bot.WaitForLineAsync("Management listener on ");
        var url = line[(line.IndexOf("Management listener on ", StringComparison.Ordinal) + "Management listener on ".Length)..].Split(' ', ',')[0].Trim();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

        // The terminal runs lines in order: once the last one is answered, all three were timed.
        await bot.SendAsync("/help\n/deadlines\n/nonsense\n");
        await bot.WaitForOutputAsync("I don't know the command /nonsense");
        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE cohortbot_command_duration_seconds histogram", text, StringComparison.Ordinal);
        var buckets = text.Split('\n').Where(l => l.StartsWith("cohortbot_command_duration_seconds_bucket{", StringComparison.Ordinal)).ToList();
        Assert.Contains(buckets, l => l.Contains("command=\"help\"", StringComparison.Ordinal) && l.Contains("platform=\"terminal\"", StringComparison.Ordinal) && l.Contains("outcome=\"ok\"", StringComparison.Ordinal) && l.Contains("le=\"+Inf\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(buckets, l => l.Contains("command=\"deadlines\"", StringComparison.Ordinal));
        // An unknown command is one series, "other", however it was spelt; it was answered with an error.
        Assert.Contains(buckets, l => l.Contains("command=\"other\"", StringComparison.Ordinal) && l.Contains("outcome=\"error\"", StringComparison.Ordinal));
        Assert.Equal(3, Count(text, "cohortbot_command_duration_seconds_count"));
        Assert.Contains("cohortbot_commands_in_flight", text, StringComparison.Ordinal);
        Assert.Contains("cohortbot_outbox_backlog", text, StringComparison.Ordinal);
        await bot.SendAsync("/quit\n");
        Assert.Equal(0, await bot.EndInputAndWaitAsync());
    }

    /// <summary>The sum over every series of a counter-like line (<c>name{…} value</c>).</summary>
    private static double Count(string text, string name) =>
        text.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}

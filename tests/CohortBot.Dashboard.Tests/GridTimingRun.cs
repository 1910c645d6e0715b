using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CohortBot.Dashboard.Tests;

/// <summary>
/// Not a test: the measurement of bench/README.md's "Issue 13" section, run by hand on the
/// benchmark's seeded database (10,000 participants × 16 weeks, every proof). Skipped unless
/// <c>COHORTBOT_GRID_BENCH</c> names the template folder of a kept benchmark run (its cohort.yaml
/// and bot.db, copied, never changed). It signs in through <c>/dashboard</c> in the terminal and
/// opens grid pages in chromium, printing the browser's own timings from navigation start: the
/// last byte served, the table painted (the later of the first contentful paint and the first frame
/// after the whole document, table and all, was parsed) and the load event; it asserts only that
/// each page shows what it should.
/// </summary>
public sealed class GridTimingRun(ITestOutputHelper output)
{
    public const string Variable = "COHORTBOT_GRID_BENCH";

    private const int Repeats = 5;

    private static readonly (string Name, string Query)[] Pages =
    [
        ("page 1", ""),
        ("page 50", "page=50"),
        ("last page", "page=100"),
        ("search: 10 matches", "q=Participant%200123"),
        ("search: 1,000 matches", "q=participant%2001"),
        ("at risk, page 1", "risk=1"),
        ("at risk, page 2", "risk=1&page=2"),
        ("at risk + search", "q=Participant%200&risk=1"),
    ];

    [GridTimingFact]
    public async Task Grid_OnTheBenchDatabase_ServedAndPainted()
    {
        var template = Environment.GetEnvironmentVariable(Variable)!;
        await using var bot = await DashboardBot.StartOnCopyAsync(template, DateTimeOffset.UtcNow, "--Schedules:DigestCron=0 0 9 1 1 ? 2099");
        await using var chromium = new BrowserFixture();
        await chromium.InitializeAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        // When the whole document (the table with it) is parsed, the first frame after it: the table is on screen.
        await context.AddInitScriptAsync("""
            document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => setTimeout(() => { window.__tablePainted = performance.now(); }, 0)));
            """);
        var page = await context.NewPageAsync();
        await page.GotoAsync(await bot.SignInLinkAsync());
        await page.ClickAsync("#signin");
        await page.WaitForSelectorAsync("#grid tbody tr");

        var report = new StringBuilder($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start\n");
        report.Append("| page | rows | matched | HTML | served (first, median, max of next) | painted | load event |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var (name, query) in Pages)
        {
            var runs = new List<double[]>();
            for (var i = 0; i <= Repeats; i++)
            {
                await page.GotoAsync(new Uri(bot.BaseUrl, "/dashboard?" + query).ToString());
                await page.WaitForFunctionAsync("() => window.__tablePainted !== undefined && performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')");
                runs.Add(await page.EvaluateAsync<double[]>("""
                    () => { const n = performance.getEntriesByType('navigation')[0];
                            const p = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
                            return [n.responseEnd, Math.max(p.startTime, window.__tablePainted), n.loadEventEnd, n.encodedBodySize]; }
                    """));
            }

            var rows = await page.Locator("#grid tbody tr").CountAsync();
            var matched = await page.InnerTextAsync("#matched");
            Assert.InRange(rows, 1, 100);
            report.Append(CultureInfo.InvariantCulture, $"| {name} | {rows} | {matched} | {runs[0][3] / 1024:0} KB | {Figures(runs, 0)} | {Figures(runs, 1)} | {Figures(runs, 2)} |\n");
        }

        report.Append(CultureInfo.InvariantCulture, $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at end");
        output.WriteLine(report.ToString());
    }

    /// <summary>The first (cold) run, then the median and the maximum of the others, in ms.</summary>
    private static string Figures(List<double[]> runs, int column)
    {
        var rest = runs.Skip(1).Select(r => r[column]).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{runs[0][column]:0}, {rest[rest.Count / 2]:0}, {rest[^1]:0}");
    }
}

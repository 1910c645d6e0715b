using System.Text.RegularExpressions;
using CohortBot.Host;
using CohortBot.Host.Dashboard;
using CohortBot.Terminal;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Dashboard.Tests;

/// <summary>
/// The real host (migrations, cohort file, terminal adapter, dashboard on a free loopback port) with
/// a fake clock; the test types into the terminal as participants and organizers and reads what the
/// bot prints (replies and DMs), while a browser or an HTTP client uses the dashboard.
/// </summary>
internal sealed partial class DashboardBot : IAsyncDisposable
{
    /// <summary>Wednesday 2026-09-23 12:00 KST: week 1 is past its deadline, week 2 open.</summary>
    public static readonly DateTimeOffset Now = SampleCohort.Now;

    private readonly TempFolder _folder;
    private readonly IHost _host;

    private DashboardBot(TempFolder folder, IHost host, FakeTimeProvider clock, TerminalInput input, TerminalOutput output)
    {
        _folder = folder;
        _host = host;
        Clock = clock;
        Input = input;
        Output = output;
    }

    public FakeTimeProvider Clock { get; }

    public TerminalInput Input { get; }

    public TerminalOutput Output { get; }

    public IServiceProvider Services => _host.Services;

    public Uri BaseUrl => Services.GetRequiredService<DashboardAddress>().Base;

    public static async Task<DashboardBot> StartAsync(params string[] extraArgs)
    {
        var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), CohortYaml());
        return await StartOnAsync(folder, new FakeTimeProvider(Now), extraArgs);
    }

    /// <summary>A bot on a copy of the cohort file and database in <paramref name="folder"/> (e.g. the benchmark's seeded template), its clock stopped at <paramref name="now"/>.</summary>
    public static async Task<DashboardBot> StartOnCopyAsync(string folder, DateTimeOffset now, params string[] extraArgs)
    {
        var copy = new TempFolder();
        foreach (var file in new[] { "cohort.yaml", "bot.db", "bot.db-wal" }.Where(f => File.Exists(Path.Combine(folder, f))))
        {
            File.Copy(Path.Combine(folder, file), copy.File(file));
        }

        return await StartOnAsync(copy, new FakeTimeProvider(now), extraArgs);
    }

    /// <summary>Stops this bot and starts a new one on the same database, files and clock (its dashboard on a new port).</summary>
    public async Task<DashboardBot> RestartAsync(params string[] extraArgs)
    {
        await StopHostAsync();
        return await StartOnAsync(_folder, Clock, extraArgs);
    }

    private static async Task<DashboardBot> StartOnAsync(TempFolder folder, FakeTimeProvider clock, string[] extraArgs)
    {
        var cohortPath = folder.File("cohort.yaml");
        var input = new TerminalInput();
        var output = new TerminalOutput();
        string[] args =
        [
            "--Cohort:File=" + cohortPath,
            "--Storage:DatabasePath=" + folder.File("bot.db"),
            "--Storage:ProofDirectory=" + folder.File("proofs"),
            "--Terminal:User=organizer",
            "--Terminal:FilesDirectory=" + folder.File("files"),
            "--Logging:LogLevel:Default=Warning",
            "--Dashboard:Enabled=true",
            "--Dashboard:Url=http://127.0.0.1:0",
            .. extraArgs,
        ];
        var host = CohortBotHost.Build(args, b =>
        {
            b.Services.AddSingleton(new TerminalIO(input, output, echoInput: true));
            b.Services.AddSingleton<TimeProvider>(clock);
        });
        await host.StartAsync();
        return new DashboardBot(folder, host, clock, input, output);
    }

    /// <summary>Types <paramref name="line"/> and waits until <paramref name="expected"/> is printed after it; returns what was printed.</summary>
    public Task<string> SayAsync(string line, string expected)
    {
        var mark = Output.Mark;
        Input.Type(line);
        return Output.WaitForAsync(expected, mark);
    }

    /// <summary>As the terminal's organizer, <c>/dashboard</c>: the link from the DM it prints.</summary>
    public async Task<string> SignInLinkAsync(string switched = "You are now organizer", string sent = "usable once).")
    {
        await SayAsync("/as organizer", switched);
        var printed = await SayAsync("/dashboard", sent);
        Assert.Contains("[DM to organizer]", printed, StringComparison.Ordinal);
        return LinkPattern().Match(printed).Value;
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        _folder.Dispose();
    }

    private async Task StopHostAsync()
    {
        Input.End();
        await _host.StopAsync();
        _host.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/dashboard/signin\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    /// <summary>The sample's three weeks and its office hour (two seats), nothing else: no certificates, no talk.</summary>
    private static string CohortYaml()
    {
        var cohort = SampleCohort.Builder();
        cohort.Slug = "dash-cohort";
        cohort.Name = "Dashboard Cohort";
        cohort.Certificates = null;
        cohort.Weeks[0] = cohort.Weeks[0] with { CourseRange = null };
        cohort.Events.RemoveAll(e => e.Key != "oh-dable");
        return cohort.EditEvent("oh-dable", e => e with { Speakers = [] }).ToYaml();
    }
}

using System.Diagnostics;
using CohortBot.Bench.Setup;

namespace CohortBot.Bench.Bot;

/// <summary>
/// The run's folder: the generated cohort, and a template database made the way a deployment
/// makes it (the host's own first start imports the cohort file and its roster), then given its
/// history. Every bot process gets its own copy of the template.
/// </summary>
public sealed class Workspace : IDisposable
{
    private Workspace(BenchOptions options, string root, string hostDirectory, BenchCohort cohort)
    {
        Options = options;
        Store = new BenchStore(options.Postgres);
        Root = root;
        HostDirectory = hostDirectory;
        Cohort = cohort;
    }

    public BenchOptions Options { get; }

    public string Root { get; }

    public string HostDirectory { get; }

    public BenchCohort Cohort { get; }

    /// <summary>SQLite files, or PostgreSQL databases with <c>postgres=CONNSTR</c>.</summary>
    public BenchStore Store { get; }

    private string TemplateFolder => Path.Combine(Root, "template");

    /// <summary>Process start to exit of the first start on an empty database (import of the whole roster).</summary>
    public TimeSpan ImportTime { get; private set; }

    public int SeededRows { get; private set; }

    public static async Task<Workspace> PrepareAsync(BenchOptions options, CancellationToken ct)
    {
        var root = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "cohortbot-bench-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(root, "template"));
        var now = DateTimeOffset.UtcNow;
        var workspace = new Workspace(options, root, BotProcess.HostDirectory(options), new BenchCohort(options.Participants, options.Weeks, now));
        var cohortFile = Path.Combine(root, "template", "cohort.yaml");
        workspace.Cohort.Write(cohortFile);
        await workspace.Store.CreateTemplateAsync(workspace.TemplateFolder);

        // The terminal adapter with standard input closed: the host migrates, imports, and stops.
        await using var import = BotProcess.Start(workspace.HostDirectory, Path.Combine(root, "template"),
        [
            .. workspace.BaseArgs(Path.Combine(root, "template")),
            "--Terminal:Enabled=true",
            "--Terminal:ExitOnEndOfInput=true",
        ], Path.Combine(root, "template", "import.log"));
        var exit = await import.WaitForExitAsync(TimeSpan.FromMinutes(5));
        workspace.ImportTime = Stopwatch.GetElapsedTime(import.StartedAt);
        if (exit != 0)
        {
            throw new InvalidOperationException($"The host could not import the cohort (exit {exit}); see {Path.Combine(root, "template", "import.log")}.");
        }

        BenchStore.ReleaseConnections();
        await using (var db = await workspace.Store.OpenAsync(workspace.TemplateFolder))
        {
            workspace.SeededRows = await HistorySeeder.SeedAsync(db, workspace.Cohort, options.FanOutRecipients, now);
        }

        BenchStore.ReleaseConnections();
        ct.ThrowIfCancellationRequested();
        return workspace;
    }

    /// <summary>A folder for one bot process, with its own copy of the template database.</summary>
    public async Task<string> NewRunAsync(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        await Store.CopyAsync(TemplateFolder, folder);
        return folder;
    }

    /// <summary>Settings every bot process gets: its files, and no digest during the run.</summary>
    public IEnumerable<string> BaseArgs(string folder) =>
    [
        "--Cohort:File=" + Path.Combine(folder, "cohort.yaml"),
        .. Store.Args(folder),
        "--Storage:ProofDirectory=" + Path.Combine(folder, "proofs"),
        // The Monday digest (and its catch-up at start) must not land inside a measurement.
        "--Schedules:DigestCron=0 0 9 1 1 ? 2099",
    ];

    public void Dispose()
    {
        if (Options.Keep)
        {
            return;
        }

        Store.Dispose();

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

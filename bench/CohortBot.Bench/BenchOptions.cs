using System.Globalization;

namespace CohortBot.Bench;

/// <summary>
/// What to run, from <c>key=value</c> arguments (or a bare <c>smoke</c>). Defaults are the full
/// run of issue 10; <c>smoke</c> shrinks everything to a run of well under a minute for CI.
/// </summary>
public sealed record BenchOptions
{
    public bool Smoke { get; init; }

    /// <summary>all, or a comma list of: startup, digest, rush, burst, fanout.</summary>
    public IReadOnlySet<string> Scenarios { get; init; } = new HashSet<string>(["startup", "digest", "rush", "burst", "fanout"]);

    public int Participants { get; init; } = 10_000;

    public int Weeks { get; init; } = 16;

    public IReadOnlyList<int> Steps { get; init; } = [250, 500, 1000, 2000, 4000, 8000];

    /// <summary>The platforms the rush steps run on, in order.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = ["discord", "slack"];

    public double StepSeconds { get; init; } = 4;

    /// <summary>How long to wait after a step's last command for its answers before counting the rest unanswered.</summary>
    public double DrainSeconds { get; init; } = 30;

    public int Warmup { get; init; } = 300;

    public double NewUserShare { get; init; } = 0.2;

    /// <summary>Returning Slack users the rush draws from (0: the whole Slack half of the roster).</summary>
    public int SlackPool { get; init; }

    public int ImageBytes { get; init; } = 1024 * 1024;

    /// <summary>users.info allowance per minute on the fake Slack (Tier 4); 0 for none.</summary>
    public int UsersInfoPerMinute { get; init; } = 100;

    public int BurstUsers { get; init; } = 300;

    public double BurstSeconds { get; init; } = 10;

    public double BurstDrainSeconds { get; init; } = 150;

    public int FanOutRecipients { get; init; } = 3000;

    public int GlobalLimit { get; init; } = 50;

    /// <summary>Commands per second and platform while the fan-out runs (and in the idle window before it).</summary>
    public int FanOutCommandRate { get; init; } = 20;

    public double FanOutIdleSeconds { get; init; } = 10;

    public int StartupRuns { get; init; } = 3;

    public string? HostDirectory { get; init; }

    public string? WorkDirectory { get; init; }

    public bool Keep { get; init; }

    public string? JsonOut { get; init; }

    /// <summary>Bot instances per rush run: 2 puts a second process on the same PostgreSQL database and fakes.</summary>
    public int Instances { get; init; } = 1;

    /// <summary>A PostgreSQL server (connection string) to run every bot on instead of SQLite files; a database per run is made on it.</summary>
    public string? Postgres { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var o = args.Contains("smoke") || args.Contains("--smoke") ? Smallest() : new BenchOptions();
        foreach (var arg in args.Where(a => a.Contains('=', StringComparison.Ordinal)))
        {
            var (key, value) = (arg[..arg.IndexOf('=', StringComparison.Ordinal)].TrimStart('-').ToLowerInvariant(), arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            o = key switch
            {
                "scenario" or "scenarios" => o with { Scenarios = value == "all" ? new BenchOptions().Scenarios : new HashSet<string>(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) },
                "participants" => o with { Participants = Int(value) },
                "weeks" => o with { Weeks = Int(value) },
                "steps" => o with { Steps = [.. value.Split(',').Select(Int)] },
                "platforms" => o with { Platforms = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "step-seconds" => o with { StepSeconds = Double(value) },
                "drain" => o with { DrainSeconds = Double(value) },
                "warmup" => o with { Warmup = Int(value) },
                "new-users" => o with { NewUserShare = Double(value) },
                "slack-pool" => o with { SlackPool = Int(value) },
                "image-bytes" => o with { ImageBytes = Int(value) },
                "users-info-per-minute" => o with { UsersInfoPerMinute = Int(value) },
                "burst-users" => o with { BurstUsers = Int(value) },
                "burst-seconds" => o with { BurstSeconds = Double(value) },
                "burst-drain" => o with { BurstDrainSeconds = Double(value) },
                "fanout" or "fanout-recipients" => o with { FanOutRecipients = Int(value) },
                "global-limit" => o with { GlobalLimit = Int(value) },
                "fanout-rate" => o with { FanOutCommandRate = Int(value) },
                "fanout-idle" => o with { FanOutIdleSeconds = Double(value) },
                "startup-runs" => o with { StartupRuns = Int(value) },
                "host" => o with { HostDirectory = value },
                "work" => o with { WorkDirectory = value },
                "keep" => o with { Keep = value is "true" or "1" or "yes" },
                "json" => o with { JsonOut = value },
                "postgres" => o with { Postgres = value },
                "instances" => o with { Instances = Int(value) },
                _ => throw new ArgumentException($"Unknown argument '{arg}'. See bench/README.md."),
            };
        }

        if (o.Instances is < 1 or > 2 || (o.Instances == 2 && o.Postgres is null))
        {
            throw new ArgumentException("instances must be 1 or 2, and 2 needs postgres=CONNSTR (instances share one database).");
        }

        if (o.FanOutRecipients > o.Participants / 2)
        {
            throw new ArgumentException("fanout-recipients must be at most half the participants (the Discord half of the roster).");
        }

        return o;
    }

    /// <summary>A few hundred commands, one low step, everything else tiny.</summary>
    private static BenchOptions Smallest() => new()
    {
        Smoke = true,
        Participants = 400,
        Weeks = 4,
        Steps = [100],
        StepSeconds = 2,
        DrainSeconds = 15,
        Warmup = 40,
        // users.info stays limited to 100 a minute: a small pool keeps the step inside it.
        SlackPool = 30,
        ImageBytes = 256 * 1024,
        BurstUsers = 20,
        BurstSeconds = 2,
        BurstDrainSeconds = 20,
        FanOutRecipients = 30,
        FanOutCommandRate = 10,
        FanOutIdleSeconds = 2,
        StartupRuns = 1,
    };

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

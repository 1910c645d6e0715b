using Npgsql;

namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>
/// <c>--from sqlite:PATH --to postgres:CONNSTR [--force] [settings]</c>. <c>--to postgres</c> alone
/// takes <c>Storage:ConnectionString</c> from the settings (the environment), so the password need
/// not be on a command line that every user of the machine can read. Messages never repeat the
/// connection string.
/// </summary>
internal sealed record MigrateStoreArguments(string? SourcePath, string? TargetConnectionString, bool TargetFromSettings, bool Force, string[] Settings)
{
    public const string SqliteScheme = "sqlite:";
    public const string PostgresScheme = "postgres";
    public const string ForceOption = "--force";

    public static (MigrateStoreArguments Arguments, List<string> Problems) Parse(string[] args)
    {
        var problems = new List<string>();
        string? from = null;
        string? to = null;
        var force = false;
        var settings = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == ForceOption)
            {
                force = true;
            }
            else if (Option(args, ref i, "--from") is { } value)
            {
                Take(ref from, value, "--from", problems);
            }
            else if (Option(args, ref i, "--to") is { } target)
            {
                Take(ref to, target, "--to", problems);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    settings.Add(args[++i]);
                }
            }
            else
            {
                problems.Add($"'{arg}' is not an option; the options are --from sqlite:<file>, --to postgres:<connection string>, {ForceOption} and settings like --Storage:ProofDirectory=<folder>.");
            }
        }

        var source = Source(from, problems);
        var (connectionString, fromSettings) = Target(to, problems);
        problems.AddRange(SettingArguments.Problems(settings));
        return (new MigrateStoreArguments(source, connectionString, fromSettings, force, [.. settings]), problems);
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c> at <paramref name="i"/>, empty when missing; null for another argument.</summary>
    private static string? Option(string[] args, ref int i, string name)
    {
        if (args[i] == name)
        {
            return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : string.Empty;
        }

        return args[i].StartsWith(name + "=", StringComparison.Ordinal) ? args[i][(name.Length + 1)..] : null;
    }

    private static void Take(ref string? slot, string value, string name, List<string> problems)
    {
        if (slot is not null)
        {
            problems.Add($"{name} is given twice.");
            return;
        }

        slot = value;
    }

    private static string? Source(string? from, List<string> problems)
    {
        if (from is null)
        {
            problems.Add("--from sqlite:<file> is required: the SQLite database to copy.");
            return null;
        }

        if (!from.StartsWith(SqliteScheme, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("--from must be sqlite:<file> (the source is the bot's SQLite database).");
            return null;
        }

        var path = from[SqliteScheme.Length..];
        if (path.Length == 0)
        {
            problems.Add("--from sqlite: needs a file name, e.g. --from sqlite:data/cohortbot.db.");
            return null;
        }

        if (path.Any(char.IsControl))
        {
            // NUL cannot be in a path at all, and other control characters are a pasting accident.
            problems.Add("--from is not a usable file name: it contains control characters.");
            return null;
        }

        return path;
    }

    private static (string? ConnectionString, bool FromSettings) Target(string? to, List<string> problems)
    {
        if (to is null)
        {
            problems.Add("--to postgres:<connection string> is required: the PostgreSQL database to copy into (--to postgres alone uses Storage:ConnectionString).");
            return (null, false);
        }

        if (string.Equals(to, PostgresScheme, StringComparison.OrdinalIgnoreCase) || string.Equals(to, PostgresScheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            return (null, true);
        }

        if (!to.StartsWith(PostgresScheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("--to must be postgres:<connection string>, e.g. postgres:Host=db;Database=cohortbot;Username=cohortbot (only SQLite to PostgreSQL is supported).");
            return (null, false);
        }

        var connectionString = to[(PostgresScheme.Length + 1)..];
        return ConnectionProblem(connectionString) is { } problem ? Fail(problems, "--to " + problem) : (connectionString, false);
    }

    /// <summary>What is wrong with a connection string, without repeating it (it may hold a password); null when usable.</summary>
    public static string? ConnectionProblem(string connectionString)
    {
        try
        {
            return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host)
                ? "names no PostgreSQL server: give Host=..."
                : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // Npgsql's message names the keyword, never the value.
            return "is not a valid PostgreSQL connection string: " + ex.Message;
        }
    }

    private static (string?, bool) Fail(List<string> problems, string problem)
    {
        problems.Add(problem);
        return (null, false);
    }
}

namespace CohortBot.Host.Cli;

/// <summary>Arguments of a verb with one file option (<c>--out FILE</c>, <c>--from FILE</c>) and settings.</summary>
internal static class FileVerbArguments
{
    public static (string? File, string[] Settings, List<string> Problems) Parse(string[] args, string option)
    {
        var problems = new List<string>();
        string? file = null;
        var settings = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            string? value = null;
            if (arg == option)
            {
                value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : string.Empty;
            }
            else if (arg.StartsWith(option + "=", StringComparison.Ordinal))
            {
                value = arg[(option.Length + 1)..];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    settings.Add(args[++i]);
                }

                continue;
            }
            else
            {
                problems.Add($"'{arg}' is not an option; the options are {option} <file> and settings like --Storage:DatabasePath=<file>.");
                continue;
            }

            if (value.Length == 0)
            {
                problems.Add($"{option} needs a file name.");
            }
            else if (file is not null)
            {
                problems.Add($"{option} is given twice.");
            }
            else
            {
                file = value;
            }
        }

        if (file is null && problems.Count == 0)
        {
            problems.Add($"{option} <file> is required.");
        }

        problems.AddRange(SettingArguments.Problems(settings));
        return (file, [.. settings], problems);
    }
}

using CohortBot.Host.Options;

namespace CohortBot.Host.Cli;

/// <summary>
/// Command-line settings are <c>--Section:Key=value</c> or <c>--Section:Key value</c>. The
/// configuration provider alone would take <c>--bogus-flag --Storage:DatabasePath=x</c> as a key
/// "bogus-flag" whose value is the override, and silently use the default database; so each
/// argument is checked for its shape and its section before configuration sees it.
/// </summary>
internal static class SettingArguments
{
    public const string Shape = "settings look like --Section:Key=value";

    public static IReadOnlyList<string> Problems(IReadOnlyList<string> args)
    {
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                problems.Add($"'{arg}' is not a setting ({Shape}).");
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? arg[2..] : arg[2..equals];
            var section = key.Split(':', 2)[0];
            if (!KnownSettings.IsSection(section))
            {
                problems.Add($"'{arg}' is not a setting ({Shape}; the sections are {string.Join(", ", KnownSettings.SectionNames)}).");
                if (equals < 0 && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    i++; // its value, if it has one, is not a second problem
                }

                continue;
            }

            if (equals < 0)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    problems.Add($"{arg} has no value ({Shape}).");
                }
                else
                {
                    i++;
                }
            }
        }

        return problems;
    }
}

using System.Collections;
using System.Reflection;
using CohortBot.Core.Digests;
using CohortBot.Core.Inbound;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;
using CohortBot.Core.Reviews;
using CohortBot.Core.Schedules;
using CohortBot.Core.Submissions;
using CohortBot.Discord;
using CohortBot.Slack;
using CohortBot.Storage.Sqlite;
using CohortBot.Terminal;
using Microsoft.Extensions.Configuration;

namespace CohortBot.Host.Options;

/// <summary>
/// The configuration sections the bot reads and the type each binds to. The binder ignores keys it
/// does not know, so a typo (<c>Storage:DatabsePath</c>, <c>Organizers:discrod</c>, an env var with a
/// misspelt section) would silently leave the default in place; every key is checked against these
/// types instead, and an unknown one stops start-up with its full name.
/// </summary>
internal static class KnownSettings
{
    /// <summary>Section → bound type; null for sections whose keys belong to a library (Logging).</summary>
    private static readonly Dictionary<string, Type?> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Logging"] = null,
        [CohortFileOptions.Section] = typeof(CohortFileOptions),
        [StorageOptions.Section] = typeof(StorageOptions),
        [ProofOptions.Section] = typeof(ProofOptions),
        [CohortBot.Core.Flood.FloodOptions.Section] = typeof(CohortBot.Core.Flood.FloodOptions),
        [TerminalOptions.Section] = typeof(TerminalOptions),
        [ReviewOptions.Section] = typeof(ReviewOptions),
        [DigestOptions.Section] = typeof(DigestOptions),
        [OrganizerOptions.Section] = typeof(Dictionary<string, OrganizerSet>),
        [ScheduleOptions.Section] = typeof(ScheduleOptions),
        [ChannelOptions.Section] = typeof(Dictionary<string, ChannelSet>),
        [DiscordOptions.Section] = typeof(DiscordOptions),
        [SlackOptions.Section] = typeof(SlackOptions),
        [ManagementOptions.Section] = typeof(ManagementOptions),
        [InboundOptions.Section] = typeof(InboundOptions),
        [TelemetryOptions.Section] = typeof(TelemetryOptions),
    };

    /// <summary>The console log formats <see cref="CohortBotHost"/> sets up.</summary>
    public static readonly string[] ConsoleFormats = ["simple", "json"];

    public static IEnumerable<string> SectionNames => Sections.Keys;

    public static bool IsSection(string key) => Sections.ContainsKey(key);

    /// <summary>Every key in <paramref name="configuration"/> that no option reads, and values the logging set-up cannot use.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var section in configuration.GetChildren())
        {
            if (!Sections.TryGetValue(section.Key, out var type))
            {
                problems.Add($"{section.Key} is not a setting; the sections are {string.Join(", ", Sections.Keys)}.");
            }
            else if (type is not null)
            {
                Check(section, type, section.Key, problems);
            }
        }

        var format = configuration["Logging:Console:FormatterName"];
        if (!string.IsNullOrEmpty(format) && !ConsoleFormats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"Logging:Console:FormatterName must be {string.Join(" or ", ConsoleFormats)}; '{format}' is not a console log format.");
        }

        return problems;
    }

    private static void Check(IConfigurationSection section, Type type, string path, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            var key = path + ":" + child.Key;
            if (IsLeaf(type))
            {
                problems.Add($"{key} is not a setting: {path} takes a single value.");
            }
            else if (DictionaryValue(type) is { } value)
            {
                Check(child, value, key, problems);
            }
            else if (ListElement(type) is { } element)
            {
                if (!int.TryParse(child.Key, out _))
                {
                    problems.Add($"{key} is not a setting: {path} is a list ({path}:0, {path}:1, …).");
                }
                else
                {
                    Check(child, element, key, problems);
                }
            }
            else if (type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                Check(child, property.PropertyType, key, problems);
            }
            else
            {
                var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);
                problems.Add($"{key} is not a setting; {path} has {string.Join(", ", known)}.");
            }
        }
    }

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);
    }

    private static Type? DictionaryValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;

    private static Type? ListElement(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;
}

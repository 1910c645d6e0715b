using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CohortBot.Core.Time;

namespace CohortBot.Core.Messages;

/// <summary>
/// Every user-facing string, one JSON file per language embedded in this assembly
/// (<c>Messages/en.json</c>, …). A second language is a new file, not a code change.
/// Templates use named placeholders: <c>"Week {week} is due {deadline}."</c>.
/// </summary>
public sealed partial class MessageCatalogue
{
    public const string DefaultLanguage = "en";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _languages;

    public MessageCatalogue()
        : this(LoadEmbedded())
    {
    }

    internal MessageCatalogue(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> languages)
    {
        _languages = languages.ToFrozenDictionary(
            l => l.Key,
            l => l.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);
        if (!_languages.ContainsKey(DefaultLanguage))
        {
            throw new InvalidOperationException($"The message catalogue has no '{DefaultLanguage}' file.");
        }
    }

    public IReadOnlyCollection<string> Languages => _languages.Keys;

    public IReadOnlyDictionary<string, string> Entries(string language) => _languages[language];

    /// <summary>The language used for a BCP 47 locale such as <c>ko</c> or <c>en-US</c>.</summary>
    public string LanguageFor(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return DefaultLanguage;
        }

        var primary = locale.Split('-', '_')[0];
        return _languages.ContainsKey(primary) ? primary.ToLowerInvariant() : DefaultLanguage;
    }

    public Texts For(string? locale) => new(this, LanguageFor(locale));

    /// <summary>Formats <paramref name="key"/> in <paramref name="language"/>, falling back to English.</summary>
    public string Format(string language, string key, object? args = null)
    {
        if (!(_languages.TryGetValue(language, out var entries) && entries.TryGetValue(key, out var template))
            && !_languages[DefaultLanguage].TryGetValue(key, out template))
        {
            throw new KeyNotFoundException($"Message '{key}' is not in the catalogue.");
        }

        if (args is null)
        {
            return template;
        }

        var properties = PropertiesOf(args.GetType());
        return Placeholder().Replace(template, m =>
            properties.TryGetValue(m.Groups[1].Value, out var p) ? Show(p.GetValue(args), language) : m.Value);
    }

    /// <summary>
    /// An argument type's properties, kept here: the runtime's own reflection cache is weakly held,
    /// so without this every garbage collection makes the next call emit and compile its accessors again.
    /// </summary>
    private static IReadOnlyDictionary<string, PropertyInfo> PropertiesOf(Type type) =>
        ArgumentProperties.GetOrAdd(type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(p => p.Name, StringComparer.Ordinal));

    /// <summary>Placeholder names in a template, for the completeness test.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static string Show(object? value, string language) => value switch
    {
        null => string.Empty,
        DateTimeOffset instant => TimeMarkup.Token(instant),
        IFormattable f => f.ToString(null, CultureInfo.GetCultureInfo(language)),
        _ => value.ToString() ?? string.Empty,
    };

    private static Dictionary<string, IReadOnlyDictionary<string, string>> LoadEmbedded()
    {
        var assembly = typeof(MessageCatalogue).Assembly;
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Messages.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var language = name[..^".json".Length].Split('.')[^1];
            using var stream = assembly.GetManifestResourceStream(name)!;
            result[language] = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Message file {name} is empty.");
        }

        return result;
    }

    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> ArgumentProperties = new();

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

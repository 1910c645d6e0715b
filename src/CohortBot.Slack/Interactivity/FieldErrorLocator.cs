using System.Collections.Frozen;
using System.Text.RegularExpressions;
using CohortBot.Core.Messages;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// Finds which form field a core error is about, so a modal can show it under that input
/// (<c>response_action: errors</c>). The core answers in sentences; this matches them against the
/// catalogue's templates, in every language, rather than guessing from words.
/// </summary>
internal sealed class FieldErrorLocator
{
    private static readonly (string Key, string? Field)[] Known =
    [
        ("proof.bad_url", "url"),
        ("proof.too_large", "file"),
        ("proof.not_image", "file"),
        ("proof.unreadable", "file"),
        ("option.not_integer", null),
        ("option.out_of_range", null),
        ("option.too_long", null),
        ("option.missing", null),
        ("option.not_attachment", null),
        ("option.not_boolean", null),
    ];

    private readonly FrozenSet<(Regex Pattern, string? Field)> _patterns;

    public FieldErrorLocator(MessageCatalogue catalogue)
    {
        var patterns = new HashSet<(Regex, string?)>();
        foreach (var language in catalogue.Languages)
        {
            var entries = catalogue.Entries(language);
            foreach (var (key, field) in Known)
            {
                if (entries.TryGetValue(key, out var template))
                {
                    patterns.Add((ToPattern(template), field));
                }
            }
        }

        _patterns = patterns.ToFrozenSet();
    }

    /// <summary>The option the error text is about, if it is one of <paramref name="fields"/>.</summary>
    public string? Locate(string errorText, IReadOnlyCollection<string> fields)
    {
        foreach (var (pattern, field) in _patterns)
        {
            var match = pattern.Match(errorText);
            if (!match.Success)
            {
                continue;
            }

            var option = field ?? (match.Groups["option"].Success ? match.Groups["option"].Value : null);
            if (option is not null && fields.Contains(option, StringComparer.OrdinalIgnoreCase))
            {
                return option;
            }
        }

        return null;
    }

    private static Regex ToPattern(string template)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pattern = Regex.Replace(Regex.Escape(template), @"\\\{([a-zA-Z][a-zA-Z0-9_]*)}", m =>
            seen.Add(m.Groups[1].Value) && m.Groups[1].Value == "option" ? "(?<option>[a-z_]+)" : "(?s:.*?)");
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
    }
}

using System.Text.RegularExpressions;
using CohortBot.Core.Commands;

namespace CohortBot.Slack.Rendering;

/// <summary>
/// Core texts name commands as <c>/submit</c>; on Slack they are sub-commands of one slash
/// command, so <c>/submit</c> is shown as <c>/cohort submit</c>, the way the user has to type it.
/// </summary>
internal static partial class SlackCommandNames
{
    public const string SlashCommand = "/cohort";

    public static string Rewrite(string text) => text.Contains('/', StringComparison.Ordinal)
        ? CommandMention().Replace(text, m => Catalogue.Find(m.Groups[1].Value) is null ? m.Value : SlashCommand + " " + m.Groups[1].Value)
        : text;

    // Hyphenated names too (event-create, checkin-open), but not a path or URL segment.
    [GeneratedRegex(@"(?<![\w/:.<-])/([a-z]+(?:-[a-z]+)*)(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex CommandMention();
}

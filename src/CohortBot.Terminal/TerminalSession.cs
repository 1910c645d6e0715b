using System.Globalization;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;

namespace CohortBot.Terminal;

/// <summary>
/// Turns one typed line into an invocation, or into an answer of its own: <c>/as name [locale]</c>
/// switches who is typing, a number picks a button from the last reply, and anything unreadable
/// gets a sentence saying why.
/// </summary>
public sealed class TerminalSession(string user, string? locale, MessageCatalogue catalogue)
{
    public const string Platform = "terminal";

    private IReadOnlyList<ReplyButton> _lastButtons = [];

    public PlatformUser User { get; private set; } = new(Platform, user, user, locale);

    public void Remember(Reply reply) => _lastButtons = reply.Buttons;

    public LineResult Read(string line)
    {
        var t = catalogue.For(User.Locale);
        var trimmed = line.Trim();
        if (trimmed.StartsWith("/as", StringComparison.OrdinalIgnoreCase) && (trimmed.Length == 3 || char.IsWhiteSpace(trimmed[3])))
        {
            return SwitchUser(trimmed[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries), t);
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var pick))
        {
            if (pick < 1 || pick > _lastButtons.Count || !ButtonAction.TryParse(_lastButtons[pick - 1].Action, out var action))
            {
                return LineResult.Answer(Reply.Error(_lastButtons.Count == 0
                    ? t["terminal.no_choice"]
                    : t["terminal.pick_range", new { max = _lastButtons.Count }]));
            }

            return LineResult.Run(new Invocation(action.Command, action.Options.ToDictionary(o => o.Key, o => (object?)o.Value, StringComparer.OrdinalIgnoreCase), User));
        }

        var parsed = TextCommandParser.Parse(trimmed);
        return parsed.Error switch
        {
            null => LineResult.Run(new Invocation(parsed.Command!, parsed.Options, User)),
            TextParseError.UnknownCommand => LineResult.Run(new Invocation(parsed.Command!, parsed.Options, User)),
            TextParseError.TooLong => LineResult.Answer(Reply.Error(t["parse.too_long", new { max = TextCommandParser.MaxInputLength }])),
            TextParseError.UnclosedQuote => LineResult.Answer(Reply.Error(t["parse.unclosed_quote"])),
            TextParseError.UnknownOption => LineResult.Answer(Reply.Error(t["parse.unknown_option", new
            {
                command = parsed.Command,
                option = parsed.Detail,
                valid = string.Join(", ", Catalogue.Find(parsed.Command!)!.Options.Select(o => o.Name)),
            }])),
            TextParseError.TooManyValues => LineResult.Answer(Reply.Error(t["parse.too_many_values", new
            {
                value = parsed.Detail,
                usage = OptionBinder.Usage(Catalogue.Find(parsed.Command!)!),
            }])),
            _ => LineResult.Answer(Reply.Error(t["parse.empty"])),
        };
    }

    private LineResult SwitchUser(string[] args, Texts t)
    {
        if (args.Length is < 1 or > 2 || args[0].Length > 64 || args[0].Contains('/', StringComparison.Ordinal))
        {
            return LineResult.Answer(Reply.Error(t["terminal.as_usage"]));
        }

        User = new PlatformUser(Platform, args[0], args[0], args.Length == 2 ? args[1] : User.Locale);
        _lastButtons = [];
        return LineResult.Answer(new Reply(catalogue.For(User.Locale)["terminal.you_are", new { name = User.DisplayName }]));
    }
}

/// <summary>Either an invocation to run or an answer the session gives itself.</summary>
public sealed record LineResult(Invocation? Invocation, Reply? Reply)
{
    public static LineResult Run(Invocation invocation) => new(invocation, null);

    public static LineResult Answer(Reply reply) => new(null, reply);
}

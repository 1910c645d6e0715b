using System.Globalization;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;
using CohortBot.Core.Text;

namespace CohortBot.Terminal;

/// <summary>
/// Turns one typed line into an invocation, or into an answer of its own: <c>/as name [locale]</c>
/// switches who is typing, a number picks a button from the last reply, and anything unreadable
/// goes to the dispatcher as a problem, so it is answered in the user's language like a command.
/// </summary>
public sealed class TerminalSession(string user, string? locale)
{
    public const string Platform = "terminal";

    private const int MaxName = 64;

    private IReadOnlyList<ReplyButton> _lastButtons = [];

    public PlatformUser User { get; private set; } = new(Platform, user, user, locale);

    /// <summary>
    /// The last reply's buttons become the choices. A refusal without buttons (a number out of
    /// range, a typo) leaves the choices as they were: they stay until one is picked or another
    /// reply replaces them.
    /// </summary>
    public void Remember(Reply reply)
    {
        if (reply.Tone != ReplyTone.Error || reply.Buttons.Count > 0)
        {
            _lastButtons = reply.Buttons;
        }
    }

    public LineResult Read(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith("/as", StringComparison.OrdinalIgnoreCase) && (trimmed.Length == 3 || char.IsWhiteSpace(trimmed[3])))
        {
            // Read like a command: /as "Kim Minjun" ko is the name without its quotes.
            return SwitchUser(TextCommandParser.TrySplit(trimmed[3..], out var words) ? words : []);
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var pick))
        {
            if (pick < 1 || pick > _lastButtons.Count || !ButtonAction.TryParse(_lastButtons[pick - 1].Action, out var action))
            {
                var max = _lastButtons.Count;
                return LineResult.Say(t => Reply.Error(max == 0 ? t["terminal.no_choice"] : t["terminal.pick_range", new { max }]));
            }

            return LineResult.Run(new Invocation(action.Command, action.Options.ToDictionary(o => o.Key, o => (object?)o.Value, StringComparer.OrdinalIgnoreCase), User));
        }

        return LineResult.Run(TextCommandParser.Parse(trimmed).ToInvocation(User));
    }

    private LineResult SwitchUser(IReadOnlyList<string> args)
    {
        // The name is the terminal user's id: no control characters, no '/', nothing blank.
        if (args.Count is < 1 or > 2 || args[0].Trim().Length == 0 || args[0].Length > MaxName
            || args[0].Contains('/', StringComparison.Ordinal) || ControlCharacters.CleanLine(args[0]) != args[0]
            || (args.Count == 2 && !args[1].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return LineResult.Say(t => Reply.Error(t["terminal.as_usage"]));
        }

        User = new PlatformUser(Platform, args[0], args[0], args.Count == 2 ? args[1] : User.Locale);
        _lastButtons = [];
        var name = User.DisplayName;
        return LineResult.Say(t => new Reply(t["terminal.you_are", new { name }]));
    }
}

/// <summary>
/// Either an invocation to run or an answer the session gives itself, worded by the adapter in the
/// language of whoever is typing once the line is read (after <c>/as</c>, the new user's).
/// </summary>
public sealed record LineResult(Invocation? Invocation, Func<Texts, Reply>? Answer)
{
    public static LineResult Run(Invocation invocation) => new(invocation, null);

    public static LineResult Say(Func<Texts, Reply> answer) => new(null, answer);
}

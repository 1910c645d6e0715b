using System.Text;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Commands;

/// <summary>
/// Reads a command typed as text — <c>/submit week:3 url:https://… note:"done!"</c> or the short
/// form <c>/submit 3 https://…</c> — into a name and text options. Used by the terminal and by
/// Slack, where a slash command arrives as one string. Values keep their text; the dispatcher
/// converts them to the catalogue's types.
/// </summary>
public static class TextCommandParser
{
    public const int MaxInputLength = 4000;

    public static TextParseResult Parse(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return TextParseResult.Fail(TextParseError.Empty);
        }

        if (line.Length > MaxInputLength)
        {
            return TextParseResult.Fail(TextParseError.TooLong);
        }

        if (!TryTokenize(line.Trim(), out var tokens))
        {
            return TextParseResult.Fail(TextParseError.UnclosedQuote);
        }

        var name = tokens[0].Text.TrimStart('/').ToLowerInvariant();
        var command = Catalogue.Find(name);
        if (command is null)
        {
            return new TextParseResult(name, new Dictionary<string, object?>(), TextParseError.UnknownCommand, null);
        }

        return BindTokens(command, tokens.Skip(1).ToList());
    }

    /// <summary>Parses the arguments of a known command (Slack passes them without the name).</summary>
    public static TextParseResult ParseArguments(CommandDescriptor command, string? arguments)
    {
        if (arguments is { Length: > MaxInputLength })
        {
            return TextParseResult.Fail(TextParseError.TooLong);
        }

        if (!TryTokenize(arguments?.Trim() ?? string.Empty, out var tokens))
        {
            return TextParseResult.Fail(TextParseError.UnclosedQuote);
        }

        return BindTokens(command, tokens);
    }

    /// <summary>Splits <paramref name="text"/> into words as commands are read (double quotes group, and are removed); false when a quote is not closed.</summary>
    public static bool TrySplit(string text, out IReadOnlyList<string> words)
    {
        var ok = TryTokenize(text.Trim(), out var tokens);
        words = tokens.Select(t => t.Text).ToList();
        return ok;
    }

    private static TextParseResult BindTokens(CommandDescriptor command, List<Token> tokens)
    {
        var options = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var positional = new Queue<OptionDescriptor>(command.Options.Where(o => o.Type is not (OptionType.Attachment or OptionType.Boolean)));
        foreach (var token in tokens)
        {
            var colon = token.Quoted ? -1 : token.Text.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? token.Text[..colon] : null;
            if (key is not null && IsIdentifier(key) && !token.Text[(colon + 1)..].StartsWith("//", StringComparison.Ordinal))
            {
                var option = command.Option(key);
                if (option is null)
                {
                    return new TextParseResult(command.Name, options, TextParseError.UnknownOption, key);
                }

                // Given twice (by name, or by name after its place): which one was meant is a guess.
                if (!options.TryAdd(option.Name, Unquote(token.Text[(colon + 1)..])))
                {
                    return new TextParseResult(command.Name, options, TextParseError.RepeatedOption, option.Name);
                }

                positional = new Queue<OptionDescriptor>(positional.Where(o => o != option));
                continue;
            }

            var flag = token.Quoted ? null : command.Option(token.Text);
            if (flag is { Type: OptionType.Boolean })
            {
                if (!options.TryAdd(flag.Name, "true"))
                {
                    return new TextParseResult(command.Name, options, TextParseError.RepeatedOption, flag.Name);
                }

                continue;
            }

            while (positional.Count > 0 && options.ContainsKey(positional.Peek().Name))
            {
                positional.Dequeue();
            }

            if (positional.Count == 0)
            {
                return new TextParseResult(command.Name, options, TextParseError.TooManyValues, token.Text);
            }

            options[positional.Dequeue().Name] = token.Text;
        }

        return new TextParseResult(command.Name, options, null, null);
    }

    /// <summary>An option name as typed: a letter, then letters, digits or '_' (so <c>url2:x</c> is an unknown option, not a value; <c>10:30</c> stays a value).</summary>
    private static bool IsIdentifier(string text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    private static bool TryTokenize(string text, out List<Token> tokens)
    {
        var found = new List<Token>();
        tokens = found;
        var current = new StringBuilder();
        var inQuotes = false;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '“' or '”')
            {
                inQuotes = !inQuotes;
                quoted |= current.Length == 0;
                continue;
            }

            if (inQuotes && c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
            {
                current.Append(text[++i]);
                continue;
            }

            if (!inQuotes && char.IsWhiteSpace(c))
            {
                Flush();
                continue;
            }

            current.Append(c);
        }

        Flush();
        return !inQuotes;

        void Flush()
        {
            if (current.Length > 0 || quoted)
            {
                found.Add(new Token(current.ToString(), quoted));
            }

            current.Clear();
            quoted = false;
        }
    }

    private sealed record Token(string Text, bool Quoted);
}

public enum TextParseError
{
    Empty,
    TooLong,
    UnclosedQuote,
    UnknownCommand,
    UnknownOption,
    TooManyValues,

    /// <summary>The same option given twice (<see cref="TextParseResult.Detail"/> names it).</summary>
    RepeatedOption,
}

/// <summary>The parsed command, or why it could not be read (<see cref="Detail"/> names the offending text).</summary>
public sealed record TextParseResult(string? Command, IReadOnlyDictionary<string, object?> Options, TextParseError? Error, string? Detail)
{
    public static TextParseResult Fail(TextParseError error) => new(null, new Dictionary<string, object?>(), error, null);

    /// <summary>
    /// What to hand the dispatcher: the command (an unknown name too: the dispatcher says which
    /// commands exist), or the reason it could not be read, to be worded in the caller's language.
    /// </summary>
    public Invocation ToInvocation(PlatformUser user, string? channelId = null) =>
        Problem is { } problem ? Invocation.Refused(user, problem, channelId) : new Invocation(Command!, Options, user, channelId);

    /// <summary>Why the line cannot run, for the dispatcher to word; null when it can (an unknown command name included).</summary>
    public InputProblem? Problem
    {
        get
        {
            if (Error is null or TextParseError.UnknownCommand)
            {
                return null;
            }

            var command = Command is null ? null : Catalogue.Find(Command);
            return Error switch
            {
                TextParseError.TooLong => new("parse.too_long", new { max = TextCommandParser.MaxInputLength }),
                TextParseError.UnclosedQuote => new("parse.unclosed_quote"),
                TextParseError.UnknownOption when command is not null => OptionBinder.UnknownOption(command, Detail ?? string.Empty),
                TextParseError.TooManyValues when command is not null => new("parse.too_many_values", new { value = Detail, usage = OptionBinder.Usage(command) }),
                TextParseError.RepeatedOption => OptionBinder.Repeated(Detail ?? string.Empty),
                _ => new("parse.empty"),
            };
        }
    }
}

using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Slack.Rendering;

namespace CohortBot.Slack.Commands;

/// <summary>
/// <c>/cohort submit 3 https://…</c> → the <c>submit</c> command with its options as text (the
/// dispatcher types them). Bare <c>/cohort</c> is help. Every refusal says what to type instead.
/// </summary>
internal static class SubCommandParser
{
    public static SubCommandResult Parse(string? text, Texts t)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length > TextCommandParser.MaxInputLength)
        {
            return SubCommandResult.Fail(t["parse.too_long", new { max = TextCommandParser.MaxInputLength }]);
        }

        var space = trimmed.IndexOfAny([' ', '\t', '\n', '\r']);
        var name = (space < 0 ? trimmed : trimmed[..space]).ToLowerInvariant();
        var arguments = space < 0 ? string.Empty : trimmed[(space + 1)..];
        if (name.Length == 0)
        {
            return new SubCommandResult(Catalogue.Help, new Dictionary<string, object?>(), null);
        }

        var command = Catalogue.Find(name);
        if (command is null)
        {
            var commands = string.Join(", ", Catalogue.All.Where(c => !c.OrganizerOnly).Select(c => $"{SlackCommandNames.SlashCommand} {c.Name}"));
            var shown = name.Length <= 32 ? name : name[..32] + "…";
            return SubCommandResult.Fail(t["command.unknown", new { command = $"cohort {shown}", commands }]);
        }

        var parsed = TextCommandParser.ParseArguments(command, arguments);
        return parsed.Error switch
        {
            null => new SubCommandResult(command, parsed.Options, null),
            TextParseError.TooLong => SubCommandResult.Fail(t["parse.too_long", new { max = TextCommandParser.MaxInputLength }]),
            TextParseError.UnclosedQuote => SubCommandResult.Fail(t["parse.unclosed_quote"]),
            TextParseError.UnknownOption => SubCommandResult.Fail(t["parse.unknown_option", new
            {
                command = command.Name,
                option = parsed.Detail,
                valid = command.Options.Count == 0 ? "-" : string.Join(", ", command.Options.Select(o => o.Name)),
            }]),
            TextParseError.TooManyValues => SubCommandResult.Fail(t["parse.too_many_values", new { value = parsed.Detail, usage = OptionBinder.Usage(command) }]),
            _ => SubCommandResult.Fail(t["parse.empty"]),
        };
    }
}

/// <summary>The command and its text options, or the error to show.</summary>
internal sealed record SubCommandResult(CommandDescriptor? Command, IReadOnlyDictionary<string, object?> Options, string? Error)
{
    public static SubCommandResult Fail(string error) => new(null, new Dictionary<string, object?>(), error);
}

using CohortBot.Core.Commands;
using CohortBot.Core.Participants;
using CohortBot.Slack.Rendering;

namespace CohortBot.Slack.Commands;

/// <summary>
/// <c>/cohort submit 3 https://…</c> → the <c>submit</c> command with its options as text (the
/// dispatcher types them). Bare <c>/cohort</c> is help. Nothing is worded here: what cannot be read
/// travels to the dispatcher as an <see cref="InputProblem"/>, so the refusal is in the caller's
/// own language like every other reply, and an unknown sub-command is passed on as typed
/// (<c>cohort frobnicate</c>) for the dispatcher to say which commands the caller may run.
/// </summary>
internal static class SubCommandParser
{
    private const int MaxShownName = 32;

    public static SubCommandResult Parse(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length > TextCommandParser.MaxInputLength)
        {
            return SubCommandResult.Fail(new InputProblem("parse.too_long", new { max = TextCommandParser.MaxInputLength }));
        }

        var space = trimmed.IndexOfAny([' ', '\t', '\n', '\r']);
        var name = (space < 0 ? trimmed : trimmed[..space]).ToLowerInvariant();
        var arguments = space < 0 ? string.Empty : trimmed[(space + 1)..];
        if (name.Length == 0)
        {
            return new SubCommandResult(Catalogue.Help.Name, new Dictionary<string, object?>(), null);
        }

        var command = Catalogue.Find(name);
        if (command is null)
        {
            var shown = name.Length <= MaxShownName ? name : name[..MaxShownName] + "…";
            return new SubCommandResult(SlackCommandNames.SlashCommand.TrimStart('/') + " " + shown, new Dictionary<string, object?>(), null);
        }

        var parsed = TextCommandParser.ParseArguments(command, arguments);
        return new SubCommandResult(command.Name, parsed.Options, parsed.Problem);
    }
}

/// <summary>The command and its text options, or the problem to answer with.</summary>
internal sealed record SubCommandResult(string Command, IReadOnlyDictionary<string, object?> Options, InputProblem? Problem)
{
    public static SubCommandResult Fail(InputProblem problem) => new(string.Empty, new Dictionary<string, object?>(), problem);

    public Invocation ToInvocation(PlatformUser user, string? channelId) =>
        Problem is null ? new Invocation(Command, Options, user, channelId) : Invocation.Refused(user, Problem, channelId);
}

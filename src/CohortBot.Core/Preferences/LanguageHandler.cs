using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Preferences;

/// <summary><c>/language [code]</c>: the language the bot writes to you in; <c>auto</c> follows your platform again.</summary>
public sealed class LanguageHandler(IParticipantStore participants, MessageCatalogue catalogue) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Language;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var available = string.Join(", ", catalogue.Languages.Order(StringComparer.Ordinal).Select(l => $"{l} ({catalogue.Format(l, "language.name")})"));
        var code = ctx.String("code")?.ToLowerInvariant();
        if (code is null)
        {
            return new Reply(ctx.T["language.current", new { language = ctx.T["language.name"], available }]);
        }

        if (code == "auto")
        {
            await participants.SetLanguageAsync(ctx.Participant.Id, null, ct);
            var platform = catalogue.For(ctx.Invocation.User.Locale ?? ctx.Participant.Locale ?? ctx.Cohort.Language);
            return Reply.Success(platform["language.auto"]);
        }

        var language = catalogue.Languages.FirstOrDefault(l => string.Equals(l, code.Split('-', '_')[0], StringComparison.OrdinalIgnoreCase));
        if (language is null)
        {
            return Reply.Error(ctx.T["language.unknown", new { code, available }]);
        }

        await participants.SetLanguageAsync(ctx.Participant.Id, language, ct);
        return Reply.Success(catalogue.For(language)["language.set", new { language = catalogue.Format(language, "language.name") }]);
    }
}

using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Discord.Rendering;
using CohortBot.Discord.Wire;

namespace CohortBot.Discord.Commands;

/// <summary>
/// The bulk-overwrite body for the core's catalogue: CHAT_INPUT commands with typed options,
/// required options first, descriptions from the English messages, autocomplete where the core
/// supplies choices, and organizer commands hidden from everyone but administrators.
/// </summary>
public sealed class CommandPayloadBuilder(MessageCatalogue messages)
{
    public const int DescriptionMax = 100;
    public const int OptionsMax = 25;

    /// <summary>Catalogue languages and the Discord locale codes they answer to.</summary>
    private static readonly Dictionary<string, string> DiscordLocales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ko"] = "ko",
        ["ja"] = "ja",
        ["zh"] = "zh-CN",
        ["de"] = "de",
        ["fr"] = "fr",
        ["es"] = "es-ES",
        ["vi"] = "vi",
    };

    public IReadOnlyList<ApplicationCommand> Build(IReadOnlyList<CommandDescriptor> commands, bool global) =>
        commands.Select(command => new ApplicationCommand
        {
            Name = command.Name,
            Type = ApplicationCommandType.ChatInput,
            Description = Describe(command.DescriptionKey),
            DescriptionLocalizations = Localized(command.DescriptionKey),
            Options = Options(command),
            // A bitset string: "0" shows the command to administrators only; null leaves it to everyone.
            DefaultMemberPermissions = command.OrganizerOnly ? "0" : null,
            Contexts = global ? [InteractionContextType.Guild, InteractionContextType.BotDm] : null,
            IntegrationTypes = global ? [ApplicationIntegrationType.GuildInstall] : null,
        }).ToList();

    private List<ApplicationCommandOption> Options(CommandDescriptor command) =>
        command.Options.OrderByDescending(o => o.Required).Take(OptionsMax).Select(option => new ApplicationCommandOption
        {
            Type = TypeOf(option.Type),
            Name = option.Name,
            Description = Describe(option.DescriptionKey(command.Name)),
            DescriptionLocalizations = Localized(option.DescriptionKey(command.Name)),
            Required = option.Required,
            Autocomplete = option.Choices != OptionChoices.None && option.Type is OptionType.String or OptionType.Integer ? true : null,
            MaxLength = option.Type == OptionType.String ? Math.Clamp(option.MaxLength, 1, 6000) : null,
            MinValue = option.Type == OptionType.Integer ? option.MinValue : null,
            MaxValue = option.Type == OptionType.Integer ? option.MaxValue : null,
        }).ToList();

    private string Describe(string key, string language = MessageCatalogue.DefaultLanguage) =>
        DiscordText.Truncate(DiscordText.NonEmpty(messages.Format(language, key)), DescriptionMax);

    /// <summary>The description in every other catalogue language Discord has a locale for (Korean users see Korean).</summary>
    private Dictionary<string, string> Localized(string key)
    {
        var localized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in messages.Languages.Where(l => l != MessageCatalogue.DefaultLanguage).Order(StringComparer.Ordinal))
        {
            if (DiscordLocales.TryGetValue(language, out var locale))
            {
                localized[locale] = Describe(key, language);
            }
        }

        return localized;
    }

    internal static ApplicationCommandOptionType TypeOf(OptionType type) => type switch
    {
        OptionType.String => ApplicationCommandOptionType.String,
        OptionType.Integer => ApplicationCommandOptionType.Integer,
        OptionType.Boolean => ApplicationCommandOptionType.Boolean,
        OptionType.Attachment => ApplicationCommandOptionType.Attachment,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No Discord option type for this."),
    };
}

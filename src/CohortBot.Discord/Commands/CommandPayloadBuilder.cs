using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Discord.Rendering;

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

    public JsonArray Build(IReadOnlyList<CommandDescriptor> commands, bool global)
    {
        var array = new JsonArray();
        foreach (var command in commands)
        {
            var body = new JsonObject
            {
                ["name"] = command.Name,
                ["type"] = 1,
                ["description"] = Describe(command.DescriptionKey),
                ["description_localizations"] = Localized(command.DescriptionKey),
                ["options"] = Options(command),
                // A bitset string: "0" shows the command to administrators only; null leaves it to everyone.
                ["default_member_permissions"] = command.OrganizerOnly ? "0" : null,
            };
            if (global)
            {
                body["contexts"] = new JsonArray(0, 1);
                body["integration_types"] = new JsonArray(0);
            }

            array.Add(body);
        }

        return array;
    }

    private JsonArray Options(CommandDescriptor command)
    {
        var options = new JsonArray();
        foreach (var option in command.Options.OrderByDescending(o => o.Required).Take(OptionsMax))
        {
            var node = new JsonObject
            {
                ["type"] = TypeOf(option.Type),
                ["name"] = option.Name,
                ["description"] = Describe(option.DescriptionKey(command.Name)),
                ["description_localizations"] = Localized(option.DescriptionKey(command.Name)),
                ["required"] = option.Required,
            };
            if (option.Choices != OptionChoices.None && option.Type is OptionType.String or OptionType.Integer)
            {
                node["autocomplete"] = true;
            }

            if (option.Type == OptionType.String)
            {
                node["max_length"] = Math.Clamp(option.MaxLength, 1, 6000);
            }

            if (option.Type == OptionType.Integer)
            {
                if (option.MinValue is { } min)
                {
                    node["min_value"] = min;
                }

                if (option.MaxValue is { } max)
                {
                    node["max_value"] = max;
                }
            }

            options.Add(node);
        }

        return options;
    }

    private string Describe(string key, string language = MessageCatalogue.DefaultLanguage) =>
        DiscordText.Truncate(DiscordText.NonEmpty(messages.Format(language, key)), DescriptionMax);

    /// <summary>The description in every other catalogue language Discord has a locale for (Korean users see Korean).</summary>
    private JsonObject Localized(string key)
    {
        var localized = new JsonObject();
        foreach (var language in messages.Languages.Where(l => l != MessageCatalogue.DefaultLanguage).Order(StringComparer.Ordinal))
        {
            if (DiscordLocales.TryGetValue(language, out var locale))
            {
                localized[locale] = Describe(key, language);
            }
        }

        return localized;
    }

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

    internal static int TypeOf(OptionType type) => type switch
    {
        OptionType.String => 3,
        OptionType.Integer => 4,
        OptionType.Boolean => 5,
        OptionType.Attachment => 11,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No Discord option type for this."),
    };
}

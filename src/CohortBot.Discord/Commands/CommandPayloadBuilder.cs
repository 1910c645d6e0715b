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

    private string Describe(string key) =>
        DiscordText.Truncate(DiscordText.NonEmpty(messages.Format(MessageCatalogue.DefaultLanguage, key)), DescriptionMax);

    internal static int TypeOf(OptionType type) => type switch
    {
        OptionType.String => 3,
        OptionType.Integer => 4,
        OptionType.Boolean => 5,
        OptionType.Attachment => 11,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No Discord option type for this."),
    };
}

using System.Text.Json;
using CohortBot.Core.Commands;

namespace CohortBot.Discord.Interactions;

/// <summary>
/// Turns a command, button or modal interaction into the core's neutral <see cref="Invocation"/>:
/// options typed as the core expects, attachments already downloaded. Unknown commands and
/// options pass through so the core answers them in the user's words.
/// </summary>
public sealed class InvocationMapper(AttachmentDownloader attachments)
{
    public async Task<Invocation?> MapAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        var data = interaction.Data;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        switch (interaction.Type)
        {
            case DiscordInteraction.ApplicationCommand:
                if (!DiscordInteraction.TryString(data, "name", out var name))
                {
                    return null;
                }

                var options = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var option in Options(data))
                {
                    var optionName = option.GetProperty("name").GetString()!;
                    if (!options.TryAdd(optionName, await ValueAsync(option, data, ct)))
                    {
                        // Discord's own clients never repeat an option; a payload that does is refused, not guessed at.
                        return Invocation.Refused(interaction.User, OptionBinder.Repeated(optionName), interaction.ChannelId);
                    }
                }

                return new Invocation(name, options, interaction.User, interaction.ChannelId);

            case DiscordInteraction.MessageComponent:
                return DiscordInteraction.TryString(data, "custom_id", out var customId) && ButtonAction.TryParse(customId, out var action)
                    ? FromAction(action, interaction, [])
                    : null;

            case DiscordInteraction.ModalSubmit:
                return DiscordInteraction.TryString(data, "custom_id", out var modalId) && ButtonAction.TryParse(modalId, out var form)
                    ? FromAction(form, interaction, ModalValues(data))
                    : null;

            default:
                return null;
        }
    }

    /// <summary>Top-level options that carry a name; the catalogue has no sub-commands.</summary>
    internal static IEnumerable<JsonElement> Options(JsonElement data) =>
        data.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object && DiscordInteraction.TryString(o, "name", out _))
            : [];

    private async Task<object?> ValueAsync(JsonElement option, JsonElement data, CancellationToken ct)
    {
        if (!option.TryGetProperty("value", out var value))
        {
            return null;
        }

        var type = option.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var n) ? n : 3;
        return type switch
        {
            4 when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var l) => l,
            5 when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
            11 when value.ValueKind == JsonValueKind.String => await AttachmentAsync(value.GetString()!, data, ct),
            _ => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
        };
    }

    private async Task<object?> AttachmentAsync(string id, JsonElement data, CancellationToken ct)
    {
        if (!data.TryGetProperty("resolved", out var resolved) || resolved.ValueKind != JsonValueKind.Object
            || !resolved.TryGetProperty("attachments", out var all) || all.ValueKind != JsonValueKind.Object
            || !all.TryGetProperty(id, out var attachment)
            || !DiscordInteraction.TryString(attachment, "url", out var url))
        {
            // The core answers "must be an attached file" for anything that is not an attachment.
            return id;
        }

        var fileName = DiscordInteraction.TryString(attachment, "filename", out var f) ? f : "attachment";
        var size = attachment.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var bytes) ? bytes : 0;
        return await attachments.DownloadAsync(url, fileName, size, ct);
    }

    private static Dictionary<string, string> ModalValues(JsonElement data)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!data.TryGetProperty("components", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return values;
        }

        foreach (var row in rows.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object))
        {
            // Legacy action rows hold inputs in "components"; Label components (type 18) hold one in "component".
            var inputs = row.TryGetProperty("components", out var c) && c.ValueKind == JsonValueKind.Array ? c.EnumerateArray().ToList()
                : row.TryGetProperty("component", out var single) ? [single]
                : [];
            foreach (var input in inputs)
            {
                if (DiscordInteraction.TryString(input, "custom_id", out var option) && DiscordInteraction.TryString(input, "value", out var value))
                {
                    values[option] = value;
                }
            }
        }

        return values;
    }

    private static Invocation FromAction(ButtonAction action, DiscordInteraction interaction, Dictionary<string, string> extra)
    {
        var options = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in extra.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)))
        {
            options[key] = value;
        }

        // The form's fixed options (from our own custom_id) win over anything typed.
        foreach (var (key, value) in action.Options)
        {
            options[key] = value;
        }

        return new Invocation(action.Command, options, interaction.User, interaction.ChannelId);
    }
}

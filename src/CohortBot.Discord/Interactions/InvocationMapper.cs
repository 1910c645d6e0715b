using CohortBot.Core.Commands;
using CohortBot.Discord.Wire;

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
        if (interaction.Data is not { } data)
        {
            return null;
        }

        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                if (string.IsNullOrEmpty(data.Name))
                {
                    return null;
                }

                var options = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var option in Options(data))
                {
                    if (!options.TryAdd(option.Name, await ValueAsync(option, data, ct)))
                    {
                        // Discord's own clients never repeat an option; a payload that does is refused, not guessed at.
                        return Invocation.Refused(interaction.User, OptionBinder.Repeated(option.Name), interaction.ChannelId);
                    }
                }

                return new Invocation(data.Name, options, interaction.User, interaction.ChannelId);

            case InteractionType.MessageComponent:
                return ButtonAction.TryParse(data.CustomId, out var action)
                    ? FromAction(action, interaction, [])
                    : null;

            case InteractionType.ModalSubmit:
                return ButtonAction.TryParse(data.CustomId, out var form)
                    ? FromAction(form, interaction, ModalValues(data))
                    : null;

            default:
                return null;
        }
    }

    /// <summary>Top-level options that carry a name; the catalogue has no sub-commands.</summary>
    internal static IEnumerable<InteractionDataOption> Options(InteractionData? data) =>
        data?.Options?.Where(o => o is { Name.Length: > 0 }) ?? [];

    private async Task<object?> ValueAsync(InteractionDataOption option, InteractionData data, CancellationToken ct) => option.Type switch
    {
        _ when option.Value is null => null,
        ApplicationCommandOptionType.Integer when option.TryGetInteger(out var number) => number,
        ApplicationCommandOptionType.Boolean when option.TryGetBoolean(out var flag) => flag,
        ApplicationCommandOptionType.Attachment when option.Text is { } id => await AttachmentAsync(id, data, ct),
        _ => option.Text,
    };

    private async Task<object?> AttachmentAsync(string id, InteractionData data, CancellationToken ct)
    {
        if (data.Resolved?.Attachments?.GetValueOrDefault(id) is not { Url.Length: > 0 } attachment)
        {
            // The core answers "must be an attached file" for anything that is not an attachment.
            return id;
        }

        var fileName = string.IsNullOrEmpty(attachment.Filename) ? "attachment" : attachment.Filename;
        return await attachments.DownloadAsync(attachment.Url, fileName, attachment.Size ?? 0, ct);
    }

    private static Dictionary<string, string> ModalValues(InteractionData data)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Legacy action rows hold inputs in "components"; Label components (type 18) hold one in "component".
        foreach (var input in data.Components?.SelectMany(row => row.Inputs()) ?? [])
        {
            if (input.CustomId is { Length: > 0 } option && input.Value is { Length: > 0 } value)
            {
                values[option] = value;
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

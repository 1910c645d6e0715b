using CohortBot.Core.Commands;
using CohortBot.Discord.Wire;

namespace CohortBot.Discord.Rendering;

/// <summary>
/// Renders a <see cref="ReplyForm"/> as a legacy modal (type 9): one text input per action row.
/// File fields cannot live in such a modal, so they are dropped; a form with nothing left is not a modal.
/// </summary>
public static class ModalRenderer
{
    public const int TitleMax = 45;
    public const int LabelMax = 45;
    public const int InputsMax = 5;
    public const int InputMaxLength = 4000;

    /// <summary>The callback data of a modal, or null when the form cannot be shown as one.</summary>
    public static ModalData? Render(ReplyForm form)
    {
        var customId = CustomId(form);
        var inputs = form.Fields.Where(f => !f.IsFile).Take(InputsMax).ToList();
        if (customId is null || inputs.Count == 0)
        {
            return null;
        }

        var rows = inputs.Select(field => Component.Row([new Component
        {
            Type = ComponentType.TextInput,
            CustomId = field.Option,
            Style = (int)(field.Multiline ? TextInputStyle.Paragraph : TextInputStyle.Short),
            Label = DiscordText.Truncate(DiscordText.NonEmpty(field.Label), LabelMax),
            Required = field.Required,
            MaxLength = Math.Clamp(field.MaxLength, 1, InputMaxLength),
        }])).ToList();
        return new ModalData(customId, DiscordText.Truncate(DiscordText.NonEmpty(form.Title), TitleMax), rows);
    }

    /// <summary>The form's command and fixed options, encoded like a button so the submit needs no server state.</summary>
    internal static string? CustomId(ReplyForm form)
    {
        try
        {
            return ButtonAction.Encode(form.Command, form.Fixed.Select(kv => (kv.Key, kv.Value)).ToArray());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

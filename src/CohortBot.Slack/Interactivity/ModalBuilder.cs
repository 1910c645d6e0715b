using CohortBot.Core.Commands;
using CohortBot.Slack.Rendering;
using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// A core form as a Slack modal: one input block per field (block_id and action_id are the option
/// name, so errors and values map straight back), text inputs for text, a file_input for images.
/// </summary>
internal static class ModalBuilder
{
    public const string CallbackId = "cohort_form";
    public const int MaxTitle = 24;
    public const int MaxLabel = 2000;
    public const int MaxInputLength = 3000;
    public static readonly string[] ImageTypes = ["png", "jpg", "jpeg", "gif", "webp"];

    public static ModalView Build(ReplyForm form, string intro, string? channelId, string? responseUrl)
    {
        var blocks = new List<Block> { new ContextBlock([TextObject.Mrkdwn(SlackText.Mrkdwn(intro, BlockKitRenderer.MaxSectionText))]) };
        blocks.AddRange(form.Fields.Select(field => new InputBlock(
            field.Option,
            Optional: !field.Required,
            TextObject.Plain(SlackText.Plain(field.Label, MaxLabel)),
            field.IsFile ? new FileInputElement(field.Option, ImageTypes, MaxFiles: 1) : new PlainTextInputElement(field.Option, field.Multiline, Math.Clamp(field.MaxLength, 1, MaxInputLength)))));

        return new ModalView(
            CallbackId,
            TextObject.Plain(SlackText.Plain(form.Title, MaxTitle)),
            TextObject.Plain("Submit"),
            TextObject.Plain("Cancel"),
            new FormMetadata(form.Command, form.Fixed, channelId, responseUrl).Serialize(),
            blocks);
    }
}

using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Slack.Rendering;

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

    public static JsonObject Build(ReplyForm form, string intro, string? channelId, string? responseUrl)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Mrkdwn(intro, BlockKitRenderer.MaxSectionText) }),
            },
        };
        foreach (var field in form.Fields)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = field.Option,
                ["optional"] = !field.Required,
                ["label"] = BlockKitRenderer.PlainText(SlackText.Plain(field.Label, MaxLabel)),
                ["element"] = field.IsFile ? FileInput(field) : TextInput(field),
            });
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = BlockKitRenderer.PlainText(SlackText.Plain(form.Title, MaxTitle)),
            ["submit"] = BlockKitRenderer.PlainText("Submit"),
            ["close"] = BlockKitRenderer.PlainText("Cancel"),
            ["private_metadata"] = new FormMetadata(form.Command, form.Fixed, channelId, responseUrl).Serialize(),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject TextInput(FormField field) => new()
    {
        ["type"] = "plain_text_input",
        ["action_id"] = field.Option,
        ["multiline"] = field.Multiline,
        ["max_length"] = Math.Clamp(field.MaxLength, 1, MaxInputLength),
    };

    private static JsonObject FileInput(FormField field) => new()
    {
        ["type"] = "file_input",
        ["action_id"] = field.Option,
        ["filetypes"] = new JsonArray([.. ImageTypes.Select(t => JsonValue.Create(t))]),
        ["max_files"] = 1,
    };
}

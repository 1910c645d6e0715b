using System.Text.Json;

namespace CohortBot.Slack.Wire;

/// <summary>files.completeUploadExternal: shares the uploaded files in a channel as one message; <c>files</c> is JSON in a form field.</summary>
public sealed record CompleteUploadRequest(IReadOnlyList<UploadedFile> Files, string ChannelId, string? InitialComment)
{
    public Dictionary<string, string> ToForm()
    {
        var form = new Dictionary<string, string>
        {
            ["files"] = JsonSerializer.Serialize(Files, SlackJsonContext.Default.IReadOnlyListUploadedFile),
            ["channel_id"] = ChannelId,
        };
        if (!string.IsNullOrEmpty(InitialComment))
        {
            form["initial_comment"] = InitialComment;
        }

        return form;
    }
}

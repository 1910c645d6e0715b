using System.Text.Json.Nodes;

namespace CohortBot.Slack.Rendering;

/// <summary>A message ready for Slack: the notification/fallback text and the Block Kit blocks.</summary>
internal sealed record SlackMessage(string Text, JsonArray Blocks, bool Ephemeral)
{
    /// <summary>The fields every message-carrying call shares (chat.*, response_url, slash-command acks).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["text"] = Text };
        if (Blocks.Count > 0)
        {
            json["blocks"] = Blocks.DeepClone();
        }

        return json;
    }
}

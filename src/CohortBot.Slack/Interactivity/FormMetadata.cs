using System.Text.Json.Nodes;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// What a modal must remember until it is submitted, carried in its private_metadata (≤3000
/// characters) so no server state is needed: the command, its fixed options, and where the
/// conversation started (for delivering the answer).
/// </summary>
internal sealed record FormMetadata(string Command, IReadOnlyDictionary<string, string> Fixed, string? ChannelId, string? ResponseUrl)
{
    public const int MaxLength = 3000;

    public string Serialize()
    {
        var fixedJson = new JsonObject();
        foreach (var (name, value) in Fixed)
        {
            fixedJson[name] = value;
        }

        var json = new JsonObject { ["c"] = Command, ["o"] = fixedJson, ["ch"] = ChannelId, ["r"] = ResponseUrl };
        var text = json.ToJsonString();
        if (text.Length > MaxLength)
        {
            // The response_url is a convenience; the answer can still go by DM without it.
            json["r"] = null;
            text = json.ToJsonString();
        }

        return text.Length <= MaxLength ? text : throw new InvalidOperationException("Form metadata is longer than Slack's 3000 characters.");
    }

    public static FormMetadata? TryParse(string? text)
    {
        try
        {
            if (text is null || JsonNode.Parse(text) is not JsonObject json || json["c"] is not JsonValue command)
            {
                return null;
            }

            var fixedOptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (json["o"] is JsonObject o)
            {
                foreach (var (name, value) in o)
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        fixedOptions[name] = s;
                    }
                }
            }

            return new FormMetadata(command.ToString(), fixedOptions, (json["ch"] as JsonValue)?.ToString(), (json["r"] as JsonValue)?.ToString());
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

using CohortBot.Slack.Wire;

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
        var text = Json(ResponseUrl, ChannelId);
        if (text.Length > MaxLength)
        {
            // The response_url is a convenience; the answer can still go by DM without it.
            text = Json(null, ChannelId);
        }

        if (text.Length > MaxLength)
        {
            // So is the channel (only a broken or hostile payload has one this long).
            text = Json(null, null);
        }

        return text.Length <= MaxLength ? text : throw new InvalidOperationException("Form metadata is longer than Slack's 3000 characters.");
    }

    public static FormMetadata? TryParse(string? text) =>
        SlackJson.TryParse(text, SlackJson.Context.PrivateMetadata, out var metadata) && metadata.Command is { } command
            ? new FormMetadata(command, IgnoringCase(metadata.Options), metadata.ChannelId, metadata.ResponseUrl)
            : null;

    /// <summary>Options ignoring case, as the dispatcher reads them; a key repeated in another case (only a forged payload has one) keeps the last.</summary>
    private static Dictionary<string, string> IgnoringCase(IReadOnlyDictionary<string, string>? options)
    {
        var fixedOptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in options ?? new Dictionary<string, string>())
        {
            fixedOptions[key] = value;
        }

        return fixedOptions;
    }

    private string Json(string? responseUrl, string? channelId) =>
        SlackJson.SerializeToString(new PrivateMetadata(Command, Fixed, channelId, responseUrl), SlackJson.Context.PrivateMetadata);
}

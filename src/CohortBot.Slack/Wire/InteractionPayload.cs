namespace CohortBot.Slack.Wire;

/// <summary>
/// An interactivity payload: <c>block_actions</c> (<see cref="Actions"/>, <see cref="Container"/>,
/// <see cref="Channel"/>) or <c>view_submission</c> (<see cref="View"/>). The message that held a
/// button, enterprise fields and response URLs of views are ignored on purpose.
/// </summary>
public sealed record InteractionPayload(
    string? Type,
    SlackTeam? Team,
    SlackUserRef? User,
    string? ApiAppId,
    SlackContainer? Container,
    string? TriggerId,
    SlackChannelRef? Channel,
    string? ResponseUrl,
    IReadOnlyList<BlockActionPayload>? Actions,
    ViewPayload? View)
{
    public const string BlockActions = "block_actions";
    public const string ViewSubmission = "view_submission";

    /// <summary>Over HTTP, the form field that holds the payload's JSON.</summary>
    public const string FormField = "payload";

    /// <summary>Where the action happened: the channel, else the container's channel.</summary>
    public string? ChannelId => NonEmpty(Channel?.Id) ?? NonEmpty(Container?.ChannelId);

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>
/// An interactivity payload: <c>block_actions</c> (<see cref="Actions"/>, <see cref="Container"/>,
/// <see cref="Channel"/>) or <c>view_submission</c> (<see cref="View"/>). The message that held a
/// button, enterprise fields and response URLs of views are ignored on purpose.
/// </summary>
public sealed record InteractionPayload(
    [property: JsonConverter(typeof(Lenient<string>))] string? Type,
    [property: JsonConverter(typeof(Lenient<SlackTeam>))] SlackTeam? Team,
    [property: JsonConverter(typeof(Lenient<SlackUserRef>))] SlackUserRef? User,
    [property: JsonConverter(typeof(Lenient<string>))] string? ApiAppId,
    [property: JsonConverter(typeof(Lenient<SlackContainer>))] SlackContainer? Container,
    [property: JsonConverter(typeof(Lenient<string>))] string? TriggerId,
    [property: JsonConverter(typeof(Lenient<SlackChannelRef>))] SlackChannelRef? Channel,
    [property: JsonConverter(typeof(Lenient<string>))] string? ResponseUrl,
    [property: JsonConverter(typeof(LenientList<BlockActionPayload>))] IReadOnlyList<BlockActionPayload>? Actions,
    [property: JsonConverter(typeof(Lenient<ViewPayload>))] ViewPayload? View)
{
    public const string BlockActions = "block_actions";
    public const string ViewSubmission = "view_submission";

    /// <summary>Over HTTP, the form field that holds the payload's JSON.</summary>
    public const string FormField = "payload";

    /// <summary>Where the action happened: the channel, else the container's channel.</summary>
    public string? ChannelId => NonEmpty(Channel?.Id) ?? NonEmpty(Container?.ChannelId);

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

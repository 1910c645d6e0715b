namespace CohortBot.Slack.Wire;

/// <summary>conversations.open: the DM channel (<c>D…</c>).</summary>
public sealed record OpenConversationResponse(bool Ok, string? Error, SlackChannelRef? Channel) : ISlackResponse;

namespace CohortBot.Slack.Wire;

/// <summary>conversations.open for a DM: <see cref="Users"/> is one user id.</summary>
public sealed record OpenConversationRequest(string Users);

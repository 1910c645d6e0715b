namespace CohortBot.Slack.Wire;

public sealed record SlackContainer(string? Type, string? MessageTs, string? ChannelId, bool? IsEphemeral);

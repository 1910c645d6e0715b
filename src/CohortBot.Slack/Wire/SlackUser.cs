namespace CohortBot.Slack.Wire;

/// <summary>What users.info tells: names, IANA zone (<see cref="Tz"/>, offset in seconds) and, when asked, the locale.</summary>
public sealed record SlackUser(string? Id, string? Name, string? RealName, string? Tz, string? TzLabel, int? TzOffset, string? Locale, SlackUserProfile? Profile);

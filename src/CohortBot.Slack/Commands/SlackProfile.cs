using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Commands;

/// <summary>What users.info says about a person: display name, locale (e.g. en-US) and IANA time zone.</summary>
internal sealed record SlackProfile(string? DisplayName, string? Locale, string? TimeZone)
{
    /// <summary>The name people chose to be shown (display name), else their real name, else their handle.</summary>
    public static SlackProfile From(SlackUser user) => new(
        FirstNonEmpty(user.Profile?.DisplayName, user.RealName, user.Profile?.RealName, user.Name),
        FirstNonEmpty(user.Locale),
        FirstNonEmpty(user.Tz));

    private static string? FirstNonEmpty(params string?[] texts) => texts.FirstOrDefault(s => !string.IsNullOrEmpty(s));
}

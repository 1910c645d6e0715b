using CohortBot.Core.Participants;

namespace CohortBot.Core.Messages;

/// <summary>
/// Which language to write to someone in, everywhere (replies, errors, DMs, the terminal): their
/// own <c>/language</c> choice, else what their platform reports now, else what it last reported,
/// else the cohort's language.
/// </summary>
public static class ReaderLanguage
{
    public static string Of(Participant? participant, string? platformLocale, string cohortLanguage) =>
        participant?.Language ?? NonEmpty(platformLocale) ?? NonEmpty(participant?.Locale) ?? cohortLanguage;

    private static string? NonEmpty(string? locale) => string.IsNullOrWhiteSpace(locale) ? null : locale;
}

using System.Text;
using CohortBot.Core.Text;

namespace CohortBot.Core.Participants;

/// <summary>
/// What a platform reports about a user, made safe to store and show: the display name on one line
/// without control characters, spaces collapsed, NFC (so the same Hangul name compares equal), and
/// at most <see cref="MaxLength"/> characters (a 100,000-character name is cut, never stored whole);
/// a locale that is not a BCP 47 tag is dropped.
/// </summary>
public static class DisplayNames
{
    /// <summary>Discord allows 32, Slack 80; some headroom, and still short enough for any embed or CSV cell.</summary>
    public const int MaxLength = 100;

    private const int MaxLocaleLength = 35;

    public static PlatformUser Sanitize(PlatformUser user)
    {
        var name = Clean(user.DisplayName);
        var locale = user.Locale is { Length: > 0 and <= MaxLocaleLength } l && l.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? l : null;
        return name == user.DisplayName && locale == user.Locale ? user : user with { DisplayName = name.Length == 0 ? user.UserId : name, Locale = locale };
    }

    /// <summary>A name as stored: one line, no control characters, collapsed spaces, NFC, bounded.</summary>
    public static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        // Cut first (cheaply, generously, not inside a surrogate pair) so a huge name costs no more than a short one.
        var text = name;
        if (text.Length > MaxLength * 4)
        {
            var cut = char.IsHighSurrogate(text[(MaxLength * 4) - 1]) ? (MaxLength * 4) - 1 : MaxLength * 4;
            text = text[..cut];
        }

        text = ControlCharacters.CleanLine(text).Normalize(NormalizationForm.FormC);
        text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return TextClip.Truncate(text, MaxLength);
    }
}

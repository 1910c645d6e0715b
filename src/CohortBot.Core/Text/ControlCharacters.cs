using System.Text;

namespace CohortBot.Core.Text;

/// <summary>
/// Removes control characters from text people type (and platforms report), on the way in, so
/// nothing stored can clear, recolour or ring an organizer's terminal, or smuggle a NUL into a
/// file. Removed: C0 and C1 controls and DEL (Unicode category Cc), which includes ESC, BEL and
/// NUL. Kept where a note legitimately has them: line breaks (CR LF, CR and the Unicode line and
/// paragraph separators become LF) and tabs. In single-line text those become spaces. A lone
/// surrogate (half a character, which no UTF-8 file can hold and normalisation refuses) goes too.
/// </summary>
public static class ControlCharacters
{
    /// <summary>A value that may span lines (a note, a reason): LF and tab are kept.</summary>
    public static string CleanMultiline(string text) => Clean(text, multiline: true);

    /// <summary>A value on one line (a name, a title, a link): line breaks and tabs become spaces.</summary>
    public static string CleanLine(string text) => Clean(text, multiline: false);

    private static string Clean(string text, bool multiline)
    {
        if (!NeedsWork(text, multiline))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue; // CR LF is one break, written as the LF
            }

            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                sb.Append(multiline ? '\n' : ' ');
            }
            else if (c == '\t')
            {
                sb.Append(multiline ? '\t' : ' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsWork(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u2028' or '\u2029' or '\r' || (char.IsControl(c) && !(multiline && c is '\n' or '\t')))
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}

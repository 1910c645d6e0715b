using System.Globalization;
using System.Text;

namespace CohortBot.Core.Calendar;

/// <summary>
/// Writes an iCalendar (RFC 5545) file. Times are written in UTC (<c>…Z</c>): an instant in UTC
/// is unambiguous in every calendar app, which then shows it in the reader's own zone; the cohort's
/// zone is named in <c>X-WR-TIMEZONE</c> for apps that use it. Lines are CRLF and folded at 75
/// octets without splitting a UTF-8 character.
/// </summary>
public sealed class Ics
{
    private readonly StringBuilder _text = new();

    public Ics(string name, TimeZoneInfo zone)
    {
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//CohortBot//CohortBot//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(name));
        Line("X-WR-TIMEZONE:" + zone.Id);
    }

    public Ics Event(string uid, DateTimeOffset stamp, DateTimeOffset starts, DateTimeOffset ends, string summary, string? description, string? url, bool cancelled)
    {
        Line("BEGIN:VEVENT");
        Line("UID:" + uid);
        Line("DTSTAMP:" + Utc(stamp));
        Line("DTSTART:" + Utc(starts));
        Line("DTEND:" + Utc(ends));
        Line("SUMMARY:" + Escape(summary));
        if (description is not null)
        {
            Line("DESCRIPTION:" + Escape(description));
        }

        if (url is not null)
        {
            Line("URL:" + url);
            Line("LOCATION:" + Escape(url));
        }

        Line("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        Line("END:VEVENT");
        return this;
    }

    public byte[] ToBytes() => Exports.Csv.Encoding.GetBytes(_text + "END:VCALENDAR\r\n");

    /// <summary>A TEXT value: control characters other than line breaks and tabs are not allowed in one (RFC 5545 3.3.11), so they go.</summary>
    public static string Escape(string text) => Text.ControlCharacters.CleanMultiline(text)
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private void Line(string content)
    {
        var octets = 0;
        var limit = 75;
        var e = StringInfo.GetTextElementEnumerator(content);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                _text.Append("\r\n ");
                octets = 0;
                limit = 74; // a continuation line starts with the space
            }

            _text.Append(element);
            octets += size;
        }

        _text.Append("\r\n");
    }
}

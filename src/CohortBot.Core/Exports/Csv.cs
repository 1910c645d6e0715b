using System.Globalization;
using System.Text;

namespace CohortBot.Core.Exports;

/// <summary>
/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes
/// doubled. Exports are for spreadsheets, so two more things (docs/organizers.md, "Exports"):
/// the bytes start with a UTF-8 byte order mark (without it Excel reads Korean names as
/// mojibake), and a cell a spreadsheet would run as a formula (first character = + - @, tab or CR,
/// or their full-width forms) gets a leading apostrophe and quotes, as OWASP's CSV injection
/// guidance says. The bot itself writes no negative numbers, so only text people typed is changed.
/// </summary>
public static class Csv
{
    /// <summary>UTF-8 without a preamble of its own: <see cref="Write"/> adds the mark, readers skip it.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private const string FormulaStarts = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        AppendRow(sb, header);
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new ArgumentException($"A CSV row has {row.Count} fields; the header has {header.Count}.", nameof(rows));
            }

            AppendRow(sb, row);
        }

        return [.. ByteOrderMark, .. Encoding.GetBytes(sb.ToString())];
    }

    /// <summary>The text of a file from <see cref="Write"/> without its byte order mark (for standard output).</summary>
    public static string Text(byte[] content) =>
        Encoding.GetString(content.AsSpan().StartsWith(ByteOrderMark) ? content.AsSpan(ByteOrderMark.Length) : content);

    /// <summary>True when a spreadsheet would take <paramref name="value"/> as a formula.</summary>
    public static bool LooksLikeFormula(string value) => value.Length > 0 && FormulaStarts.Contains(value[0], StringComparison.Ordinal);

    /// <summary>Reads RFC 4180 text back into rows (quoted fields may span lines).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Read(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1; // spreadsheets often save with a BOM; it is not part of the first field
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(Unguarded(field));
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(Unguarded(field));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException("A quoted CSV field is not closed.");
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(Unguarded(field));
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A field as it was before <see cref="Write"/> guarded it, so an export imports back unchanged.</summary>
    private static string Unguarded(StringBuilder field) =>
        field.Length > 1 && field[0] == '\'' && LooksLikeFormula(field.ToString(1, 1)) ? field.ToString(1, field.Length - 1) : field.ToString();

    /// <summary>An instant as ISO 8601 local time in <paramref name="zone"/> with its offset, e.g. <c>2026-09-20T23:59:00+09:00</c>.</summary>
    public static string Time(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is null ? string.Empty : TimeZoneInfo.ConvertTime(instant.Value, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var value = fields[i] ?? string.Empty;
            if (LooksLikeFormula(value))
            {
                sb.Append("\"'").Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(value);
            }
        }

        sb.Append("\r\n");
    }
}

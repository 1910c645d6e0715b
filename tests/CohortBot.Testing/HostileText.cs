using System.Text;

namespace CohortBot.Testing;

/// <summary>
/// Valid, near-valid and hostile inputs for property tests, built from one seed so a failing case
/// reproduces from it: control characters, lone surrogates, mixed normalisation, invisible and
/// right-to-left characters, huge and deeply nested text, numbers at the edges, wrong types.
/// </summary>
public sealed class HostileText(int seed)
{
    private static readonly string[] Pieces =
    [
        "", " ", "  ", "\t", "\n", "\r\n", "\0", "\u001B[2J", "\u0007", "\u007F", "\u0085", "\u2028", "\u202E", "\u200B", "\uFEFF",
        "\uD800", "\uDFFF", "\uDBFF\uDC00", "😀", "e\u0301", "\u00E9", "한", "한\u1100\u1161", "\uFF11", "\u0663",
        "\"", "'", "\\", ":", "=", "/", "//", "../", "..\\", "%00", "%2e%2e/", "<@everyone>", "@here", "<script>", "=cmd|' /C calc'!A1",
        "{", "}", "[", "]", "{{", "${jndi:x}", "null", "true", "false", "NaN", "-0", "0", "1", "2", "-1", "1000", "1001",
        "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "0x10", "+5", "٣",
        "week:", "url:", "file:", "note:", "week:2", "url:https://coursera.org/verify/X", "https://", "http://a", "javascript:alert(1)",
        "participant:", "#1", "kind:", "event:", "tt-dable", "oh-dable", "code:", "ko", "en", "auto", "Asia/Seoul", "Mars/Olympus",
    ];

    private readonly Random _random = new(seed);

    public int Next(int max) => _random.Next(max);

    public bool Chance(double p) => _random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A short hostile string; now and then a huge or deeply nested one.</summary>
    public string Text()
    {
        switch (_random.Next(40))
        {
            case 0:
                return new string('x', 100_000 + _random.Next(1000));
            case 1:
                return new string('[', 5_000) + new string(']', 5_000);
            case 2:
                return string.Concat(Enumerable.Repeat("\"a b\" ", 2_000));
        }

        var sb = new StringBuilder();
        for (var n = _random.Next(6); n >= 0; n--)
        {
            sb.Append(_random.Next(3) == 0 ? (char)_random.Next(0, 0xFFFF) : Pick(Pieces));
        }

        return sb.ToString();
    }

    /// <summary>A number as text: often at an edge.</summary>
    public string Number() => _random.Next(3) switch
    {
        0 => _random.Next(-3, 1003).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => Pick<string>(["0", "-1", "1", "1000", "1001", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1.5", "1e3", "٣", "\uFF12", " 2", "2 "]),
        _ => Text(),
    };

    public byte[] Bytes() => _random.Next(4) switch
    {
        0 => [],
        1 => TestImages.Png(_random.Next(), (uint)_random.Next(0, 200_000), (uint)_random.Next(0, 200_000)),
        2 => TestImages.Png(_random.Next())[.._random.Next(1, 40)],
        _ => Encoding.UTF8.GetBytes(Text()),
    };
}

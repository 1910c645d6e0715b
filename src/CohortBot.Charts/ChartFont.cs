using SkiaSharp;

namespace CohortBot.Charts;

/// <summary>
/// The typeface every label is drawn with: one that has Hangul as well as Latin, because Skia
/// does not fall back per character — a Latin-only face draws Korean labels as empty boxes.
/// The system's font manager is asked for a face with '한' (Debian's fonts-nanum or
/// fonts-noto-cjk, installed by .ci/run and the Dockerfile), first by its file (the self-contained
/// Skia library does not read fontconfig), then by family; without one, the default face.
/// </summary>
public static class ChartFont
{
    private static readonly Lazy<SKTypeface> Found = new(Find);

    public static SKTypeface Typeface => Found.Value;

    /// <summary>Whether <paramref name="text"/> has a glyph for every character in <paramref name="typeface"/> (no .notdef, glyph 0).</summary>
    public static bool Covers(SKTypeface typeface, string text)
    {
        using var font = new SKFont(typeface, 16);
        var glyphs = font.GetGlyphs(text.Replace(" ", string.Empty, StringComparison.Ordinal));
        return glyphs.Length > 0 && glyphs.All(g => g != 0);
    }

    /// <summary>Where Debian puts the faces, the first found wins.</summary>
    public static readonly string[] KnownFiles =
    [
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
    ];

    private static SKTypeface Find()
    {
        foreach (var file in KnownFiles.Where(File.Exists))
        {
            var face = SKTypeface.FromFile(file);
            if (face is not null && Covers(face, "한글 Week"))
            {
                return face;
            }
        }

        foreach (var family in new[] { "NanumGothic", "Noto Sans CJK KR", "Noto Sans KR", "NanumBarunGothic" })
        {
            var face = SKFontManager.Default.MatchFamily(family);
            if (face is not null && Covers(face, "한글 Week"))
            {
                return face;
            }
        }

        var any = SKFontManager.Default.MatchCharacter('한');
        return any is not null && Covers(any, "한글 Week") ? any : SKTypeface.Default;
    }
}

using CohortBot.Core.Cohorts;
using CohortBot.Core.Digests;
using CohortBot.Core.Messages;
using SkiaSharp;

namespace CohortBot.Charts.Tests;

public sealed class DigestChartTests
{
    private static readonly MessageCatalogue Catalogue = new();
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_IsAPngWithTheChartsSize()
    {
        var file = new SkiaDigestChart().Render(Data([Rate(1, 10, 8, 6, 5)], [new EventAttendance("tt1", "Talk", Start, 12, 9)]), Catalogue.For("en"))!;

        Assert.Equal("image/png", file.ContentType);
        Assert.Equal("digest-ml-week1.png", file.FileName);
        using var bitmap = SKBitmap.Decode(file.Content);
        Assert.Equal(SkiaDigestChart.Width, bitmap.Width);
        Assert.Equal(SkiaDigestChart.Height, bitmap.Height);
    }

    [Fact]
    public void Render_NothingToDraw_IsNoFile()
    {
        Assert.Null(new SkiaDigestChart().Render(Data([], []), Catalogue.For("en")));
    }

    [Fact]
    public void Render_OnTimeAndLateShares_AreDrawnInProportion()
    {
        // 60% on time and 20% late in one stacked bar of one width: their areas are 3 : 1.
        var file = new SkiaDigestChart().Render(Data([Rate(1, 10, 8, 6, 5)], []), Catalogue.For("en"))!;
        using var bitmap = SKBitmap.Decode(file.Content);

        var onTime = Count(bitmap, new SKColor(0x2E, 0x7D, 0x32));
        var late = Count(bitmap, new SKColor(0xF9, 0xA8, 0x25));
        var approved = Count(bitmap, new SKColor(0x15, 0x65, 0xC0));

        Assert.InRange(onTime / (double)late, 2.7, 3.3);
        Assert.InRange(approved / (double)late, 2.2, 2.8); // 50% against 20%
    }

    [Fact]
    public void WeeksPanel_SharesArePercentOfExpected()
    {
        var panel = SkiaDigestChart.WeeksPanel([Rate(3, 40, 30, 20, 10), Rate(4, 0, 0, 0, 0)], Catalogue.For("en"));

        Assert.Equal(["Week 3", "Week 4"], panel.Categories);
        Assert.Equal([50.0, 0], panel.Series[0].Values);   // on time 20 of 40
        Assert.Equal([25.0, 0], panel.Series[1].Values);   // late 30 - 20
        Assert.Equal([25.0, 0], panel.Series[2].Values);   // approved 10
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(7, 8)]
    [InlineData(21, 40)]
    [InlineData(150, 200)]
    public void NiceCeiling_IsAtOrAboveTheLargestCount(int value, double expected)
    {
        Assert.Equal(expected, SkiaDigestChart.NiceCeiling(value));
    }

    [Fact]
    public void KoreanLabels_HaveGlyphsInTheChartsTypeface()
    {
        var t = Catalogue.For("ko");
        foreach (var label in new[] { t["chart.weeks_title"], t["chart.on_time"], t["chart.late"], t["chart.approved"], t["chart.going"], t["chart.attended"], "커리어 토크" })
        {
            Assert.True(ChartFont.Covers(ChartFont.Typeface, label), $"'{label}' has a character without a glyph in {ChartFont.Typeface.FamilyName}; install fonts-nanum");
        }
    }

    [Fact]
    public void KoreanLabel_IsDrawnAsLetters_NotAsMissingGlyphBoxes()
    {
        // The same number of .notdef glyphs (id 0, the box a font draws for a character it lacks)
        // must look different from the label itself.
        const string label = "승인 지각";
        using var font = new SKFont(ChartFont.Typeface, 40);
        var glyphs = font.GetGlyphs(label);
        Assert.DoesNotContain((ushort)0, glyphs.Where((_, i) => label[i] != ' '));

        using var drawn = Draw(canvas => canvas.DrawText(label, 10, 60, SKTextAlign.Left, font, Black()));
        using var boxes = Draw(canvas =>
        {
            using var builder = new SKTextBlobBuilder();
            var run = builder.AllocatePositionedRun(font, glyphs.Length);
            var ids = run.Glyphs;
            var positions = run.Positions;
            for (var i = 0; i < glyphs.Length; i++)
            {
                ids[i] = 0;
                positions[i] = new SKPoint(10 + (i * 44), 60);
            }

            using var blob = builder.Build()!;
            canvas.DrawText(blob, 0, 0, Black());
        });

        Assert.True(Count(drawn, SKColors.Black, exact: false) > 200, "nothing was drawn");
        Assert.NotEqual(Pixels(boxes), Pixels(drawn));
    }

    [Fact]
    public void Render_InKorean_UsesTheKoreanLabels()
    {
        var ko = Catalogue.For("ko");
        var panel = SkiaDigestChart.WeeksPanel([Rate(2, 10, 5, 5, 5)], ko);

        Assert.Equal("2주차", panel.Categories[0]);
        Assert.Equal("기한 내", panel.Series[0].Label);
        Assert.NotNull(new SkiaDigestChart().Render(Data([Rate(2, 10, 5, 5, 5)], []), ko));
    }

    private static SKPaint Black() => new() { Color = SKColors.Black, IsAntialias = false };

    private static SKBitmap Draw(Action<SKCanvas> draw)
    {
        var bitmap = new SKBitmap(400, 100);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        draw(canvas);
        return bitmap;
    }

    private static byte[] Pixels(SKBitmap bitmap) => bitmap.Bytes;

    private static int Count(SKBitmap bitmap, SKColor color, bool exact = true)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (exact ? p == color : p.Red < 128 && p.Green < 128 && p.Blue < 128)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static DigestChartData Data(IReadOnlyList<WeekRate> trend, IReadOnlyList<EventAttendance> events) =>
        new("ml", trend.Count == 0 ? null : trend[^1].Week.Number, trend, events);

    private static WeekRate Rate(int week, int expected, int submitted, int onTime, int approved) =>
        new(new Week(week, week, $"Week {week}", null, Start, Start.AddDays(7 * week), Start.AddDays((7 * week) + 7)), expected, submitted, approved) { OnTime = onTime };
}

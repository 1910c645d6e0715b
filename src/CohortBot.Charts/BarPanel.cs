using System.Globalization;
using SkiaSharp;

namespace CohortBot.Charts;

/// <summary>
/// A grouped (and, per bar, stacked) bar chart drawn into a rectangle of a canvas: title, legend,
/// a y axis from 0 to <see cref="Max"/> with five gridlines, and one group of bars per category.
/// </summary>
public sealed class BarPanel(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, double max, string unit)
{
    private const float Padding = 16;
    private const float AxisWidth = 56;
    private const float TitleHeight = 34;
    private const float LegendHeight = 28;
    private const float CategoryHeight = 40;

    public double Max { get; } = max <= 0 ? 1 : max;

    public bool IsEmpty => categories.Count == 0;

    public IReadOnlyList<string> Categories => categories;

    public IReadOnlyList<ChartSeries> Series => series;

    public void Draw(SKCanvas canvas, SKRect area)
    {
        using var titleFont = new SKFont(ChartFont.Typeface, 22) { Embolden = true };
        using var font = new SKFont(ChartFont.Typeface, 15);
        using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(0xDD, 0xDD, 0xDD), StrokeWidth = 1 };

        canvas.DrawText(title, area.Left + Padding, area.Top + Padding + 20, SKTextAlign.Left, titleFont, ink);
        DrawLegend(canvas, font, ink, area.Left + Padding, area.Top + Padding + TitleHeight + 14);

        var plot = new SKRect(area.Left + Padding + AxisWidth, area.Top + Padding + TitleHeight + LegendHeight + 10, area.Right - Padding, area.Bottom - Padding - CategoryHeight);
        for (var i = 0; i <= 4; i++)
        {
            var value = Max * i / 4;
            var y = plot.Bottom - (float)(value / Max) * plot.Height;
            canvas.DrawLine(plot.Left, y, plot.Right, y, grid);
            canvas.DrawText(value.ToString("0", CultureInfo.InvariantCulture) + unit, plot.Left - 8, y + 5, SKTextAlign.Right, font, ink);
        }

        DrawBars(canvas, font, ink, plot);
    }

    private void DrawLegend(SKCanvas canvas, SKFont font, SKPaint ink, float x, float baseline)
    {
        foreach (var s in series)
        {
            using var swatch = new SKPaint { Color = s.Color, IsAntialias = true };
            canvas.DrawRect(x, baseline - 12, 14, 14, swatch);
            canvas.DrawText(s.Label, x + 20, baseline, SKTextAlign.Left, font, ink);
            x += 20 + font.MeasureText(s.Label) + 24;
        }
    }

    private void DrawBars(SKCanvas canvas, SKFont font, SKPaint ink, SKRect plot)
    {
        if (categories.Count == 0)
        {
            return;
        }

        var bars = series.Max(s => s.Bar) + 1;
        var groupWidth = plot.Width / categories.Count;
        var barWidth = Math.Min(48, groupWidth * 0.8f / bars);
        for (var c = 0; c < categories.Count; c++)
        {
            var groupLeft = plot.Left + (c * groupWidth) + ((groupWidth - (barWidth * bars)) / 2);
            for (var b = 0; b < bars; b++)
            {
                var top = plot.Bottom;
                foreach (var s in series.Where(s => s.Bar == b))
                {
                    var height = (float)(Math.Clamp(s.Values[c], 0, Max) / Max) * plot.Height;
                    using var fill = new SKPaint { Color = s.Color, IsAntialias = true };
                    canvas.DrawRect(groupLeft + (b * barWidth), top - height, barWidth - 2, height, fill);
                    top -= height;
                }
            }

            var label = Fit(categories[c], font, groupWidth - 4);
            canvas.DrawText(label, plot.Left + (c * groupWidth) + (groupWidth / 2), plot.Bottom + 22, SKTextAlign.Center, font, ink);
        }
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }
}

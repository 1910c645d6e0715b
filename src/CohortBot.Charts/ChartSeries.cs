using SkiaSharp;

namespace CohortBot.Charts;

/// <summary>One coloured series of a bar panel: its values per category, drawn in bar <paramref name="Bar"/> of each group (series sharing a bar are stacked).</summary>
public sealed record ChartSeries(string Label, SKColor Color, int Bar, IReadOnlyList<double> Values);

using CohortBot.Core.Commands;
using CohortBot.Core.Messages;

namespace CohortBot.Core.Digests;

/// <summary>
/// Draws the digest's figures as an image attached to the digest message. Core only describes what
/// is drawn; the drawing library lives outside Core (the host registers one). Without one the
/// digest is sent without a chart.
/// </summary>
public interface IDigestChart
{
    /// <summary>The chart as a file, or null when there is nothing to draw (no week yet and no past event).</summary>
    ReplyFile? Render(DigestChartData data, Texts t);
}

/// <summary>What the digest chart shows: the weeks' rates (oldest first) and the past events' RSVPs against check-ins.</summary>
public sealed record DigestChartData(string CohortSlug, int? FocusWeek, IReadOnlyList<WeekRate> Trend, IReadOnlyList<EventAttendance> Events)
{
    public string FileName => FocusWeek is { } week ? $"digest-{CohortSlug}-week{week}.png" : $"digest-{CohortSlug}.png";
}

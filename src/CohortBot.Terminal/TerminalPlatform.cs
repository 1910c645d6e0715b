using System.Globalization;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Core.Time;

namespace CohortBot.Terminal;

/// <summary>Messages the bot sends on its own (DMs, channel posts) printed in the terminal, so a newcomer sees them without any token.</summary>
public sealed class TerminalPlatform(TerminalIO io, ICohortStore cohorts, ActiveCohort active, TimeProvider clock) : IChatPlatform
{
    public string Platform => TerminalSession.Platform;

    public Task SendDirectAsync(string platformUserId, Reply message, CancellationToken ct) =>
        WriteAsync($"[DM to {platformUserId}]", message, ct);

    public Task SendToChannelAsync(string channelId, Reply message, CancellationToken ct) =>
        WriteAsync($"[#{channelId}]", message, ct);

    private async Task WriteAsync(string header, Reply message, CancellationToken ct)
    {
        var cohort = await cohorts.FindAsync(active.Slug, ct);
        var times = new ZonedTimeFormatter(cohort?.TimeZone ?? TimeZoneInfo.Utc, clock, CultureInfo.InvariantCulture);
        io.Write(header + Environment.NewLine + TerminalRenderer.Render(message, times));
    }
}

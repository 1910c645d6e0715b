using CohortBot.Core.Commands;

namespace CohortBot.Core.Reminders;

/// <summary>
/// <c>/remind [on|off] [quiet:22-08|quiet:off]</c>: the caller's reminder settings. Without
/// options it shows them. Quiet hours are in the caller's time zone (else the cohort's); a reminder
/// due in them waits until they end, or is skipped if that would be after the deadline or event.
/// </summary>
public sealed class RemindHandler(IReminderPreferences preferences) : ICommandHandler
{
    private static readonly string[] OnWords = ["on", "yes", "true"];
    private static readonly string[] OffWords = ["off", "no", "false", "none"];

    public CommandDescriptor Command => Catalogue.Remind;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var id = ctx.Participant.Id;
        var mode = ctx.String("mode")?.ToLowerInvariant();
        var quiet = ctx.String("quiet")?.ToLowerInvariant();
        if (mode is not null && !OnWords.Contains(mode) && !OffWords.Contains(mode))
        {
            return Reply.Error(t["remind.bad_mode", new { value = mode }]);
        }

        QuietHours? window = null;
        if (quiet is not null && !OffWords.Contains(quiet) && !QuietHours.TryParse(quiet, out window))
        {
            return Reply.Error(t["remind.bad_quiet", new { value = quiet }]);
        }

        if (mode is not null)
        {
            await preferences.SetEnabledAsync(id, OnWords.Contains(mode), ct);
        }

        if (quiet is not null)
        {
            await preferences.SetQuietHoursAsync(id, window, ct);
        }

        var settings = await preferences.GetAsync(id, ct);
        var zone = ctx.Participant.TimeZone ?? ctx.Cohort.TimeZone.Id;
        var text = t[settings.Enabled ? "remind.on" : "remind.off"] + "\n"
            + (settings.Quiet is { } q ? t["remind.quiet", new { window = q.ToString(), zone }] : t["remind.no_quiet"]);
        return mode is null && quiet is null ? new Reply(text + "\n" + t["remind.usage"]) : Reply.Success(text);
    }
}

using CohortBot.Core.Commands;
using CohortBot.Core.Participants;
using CohortBot.Core.Time;

namespace CohortBot.Core.Preferences;

/// <summary>
/// <c>/timezone [zone]</c>: the IANA zone used for your DMs and quiet hours (and for times shown in
/// the terminal); <c>cohort</c> goes back to the cohort's zone. Discord and Slack already show
/// times in each reader's own zone.
/// </summary>
public sealed class TimeZoneHandler(IParticipantStore participants) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.TimeZone;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var text = ctx.String("zone");
        if (text is null)
        {
            var current = ctx.Participant.TimeZone ?? ctx.Cohort.TimeZone.Id;
            return new Reply(t["timezone.current", new { zone = current, cohort = ctx.Cohort.TimeZone.Id }]);
        }

        if (string.Equals(text, "cohort", StringComparison.OrdinalIgnoreCase))
        {
            await participants.SetTimeZoneAsync(ctx.Participant.Id, null, ct);
            return Reply.Success(t["timezone.reset", new { zone = ctx.Cohort.TimeZone.Id }]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) || !text.Contains('/', StringComparison.Ordinal) && text != "UTC")
        {
            return Reply.Error(t["timezone.unknown", new { zone = text }]);
        }

        await participants.SetTimeZoneAsync(ctx.Participant.Id, zone.Id, ct);
        return Reply.Success(t["timezone.set", new { zone = zone.Id, now = TimeMarkup.Token(ctx.Now, TimeStyle.Time) }]);
    }
}

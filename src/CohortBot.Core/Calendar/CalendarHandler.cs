using CohortBot.Core.Commands;

namespace CohortBot.Core.Calendar;

/// <summary>
/// <c>/calendar [all]</c>: an <c>.ics</c> file to add to Google Calendar or any calendar app: your
/// reserved events and your deadlines, or with <c>all</c> every event and deadline of the cohort.
/// </summary>
public sealed class CalendarHandler(CalendarBuilder builder) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Calendar;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var all = ctx.Flag("all");
        var file = all
            ? await builder.ForCohortAsync(ctx.Cohort, ctx.Now, t, ct)
            : await builder.ForParticipantAsync(ctx.Cohort, ctx.Participant, ctx.Now, t, ct);
        return new Reply(t[all ? "calendar.ready_all" : "calendar.ready_mine"]) { Files = [file] };
    }
}

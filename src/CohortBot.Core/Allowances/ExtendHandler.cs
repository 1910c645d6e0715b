using System.Globalization;
using CohortBot.Core.Audit;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;
using CohortBot.Core.Roster;
using CohortBot.Core.Schedule;
using CohortBot.Core.Time;

namespace CohortBot.Core.Allowances;

/// <summary>
/// <c>/extend week:&lt;n|certificate&gt; until:&lt;yyyy-MM-dd HH:mm&gt; [participant:&lt;who&gt;]</c>:
/// with a participant, their own deadline; without, the week's deadline for everyone. Times are in
/// the cohort's time zone. The change is published so reminders are rebuilt.
/// </summary>
public sealed class ExtendHandler(
    ParticipantFinder finder,
    ICohortStore cohorts,
    IAllowanceStore allowances,
    IScheduleAdmin schedule,
    INotifier notifier,
    CohortChanges changes) : ICommandHandler
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd"];

    public CommandDescriptor Command => Catalogue.Extend;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var until = Parse(ctx.String("until")!, ctx.Cohort.TimeZone);
        if (until is null)
        {
            return Reply.Error(t["extend.bad_time", new { value = ctx.String("until"), zone = ctx.Cohort.TimeZone.Id }]);
        }

        var target = ctx.String("week")!.Trim().ToLowerInvariant();
        var isCertificate = target is "certificate" or "cert";
        Week? week = null;
        if (!isCertificate)
        {
            week = int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? (await cohorts.WeeksAsync(ctx.Cohort.Id, ct)).FirstOrDefault(w => w.Number == n)
                : null;
            if (week is null)
            {
                return Reply.Error(t["manage.unknown_week", new { week = target }]);
            }
        }

        var current = isCertificate ? ctx.Cohort.CertificateDeadline : week!.DueAt;
        if (current is null || until <= current)
        {
            return Reply.Error(t[current is null ? "cert.none" : "extend.not_later", new { deadline = current }]);
        }

        var what = isCertificate ? t["extend.what_certificate"] : t["extend.what_week", new { week = week!.Number }];
        return ctx.String("participant") is { } who
            ? await ForOneAsync(ctx, who, week, what, until.Value, ct)
            : await ForAllAsync(ctx, week, what, until.Value, ct);
    }

    private async Task<Reply> ForOneAsync(CommandContext ctx, string who, Week? week, string what, DateTimeOffset until, CancellationToken ct)
    {
        var t = ctx.T;
        var (participant, refusal) = await finder.FindOneAsync(ctx, who, ct);
        if (participant is null)
        {
            return refusal!;
        }

        // Later than their own deadline, which an earlier extension may already have moved.
        var granted = await allowances.ForParticipantAsync(participant.Id, ct);
        var own = week is null ? OwnDeadline.Of(ctx.Cohort.CertificateDeadline!.Value, granted.CertificateDeadline).DueAt : OwnWeek.Of(week, granted).Week.DueAt;
        if (until <= own)
        {
            return Reply.Error(t["extend.not_later", new { deadline = own }]);
        }

        var actor = Actor.Of(ctx.Invocation.User);
        await allowances.ExtendAsync(ctx.Cohort.Id, participant.Id, week?.Id, until, actor, ctx.Now, previous =>
            new AuditEntry(ctx.Cohort.Id, actor, "deadline.extend_one", $"participant:{participant.Id}",
                AuditState.Json(new { target = week?.Number.ToString(CultureInfo.InvariantCulture) ?? "certificate", due_at = previous ?? week?.DueAt ?? ctx.Cohort.CertificateDeadline }),
                AuditState.Json(new { target = week?.Number.ToString(CultureInfo.InvariantCulture) ?? "certificate", due_at = until }), ctx.Now), ct);
        await changes.PublishAsync(new CohortChange(ctx.Cohort.Id, CohortChangeKind.OwnDeadlineChanged, participant.Id.ToString(CultureInfo.InvariantCulture)), ct);
        await notifier.NotifyParticipantAsync(ctx.Cohort, participant.Id, tx => new Reply(tx["extend.dm", new
        {
            what = week is null ? tx["extend.what_certificate"] : tx["extend.what_week", new { week = week.Number }],
            until,
        }]), ct);
        return Reply.Success(t["extend.one", new { name = participant.DisplayName, what, until }]);
    }

    private async Task<Reply> ForAllAsync(CommandContext ctx, Week? week, string what, DateTimeOffset until, CancellationToken ct)
    {
        var t = ctx.T;
        if (week is null)
        {
            return Reply.Error(t["extend.certificate_for_all"]);
        }

        var actor = Actor.Of(ctx.Invocation.User);
        await schedule.MoveWeekDeadlineAsync(ctx.Cohort.Id, week.Number, until, actor, ctx.Now, previous =>
            new AuditEntry(ctx.Cohort.Id, actor, "deadline.extend_all", $"week:{week.Number}",
                AuditState.Json(new { due_at = previous }), AuditState.Json(new { due_at = until }), ctx.Now), ct);
        await changes.PublishAsync(new CohortChange(ctx.Cohort.Id, CohortChangeKind.WeekChanged, week.Number.ToString(CultureInfo.InvariantCulture)), ct);
        return Reply.Success(t["extend.all", new { what, until }]) with { Ephemeral = false };
    }

    private static DateTimeOffset? Parse(string text, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        if (text.Trim().Length == "yyyy-MM-dd".Length)
        {
            local = local.Add(new TimeSpan(23, 59, 0));
        }

        try
        {
            return ZonedTime.ToInstant(local, zone);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

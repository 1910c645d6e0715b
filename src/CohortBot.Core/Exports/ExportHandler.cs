using CohortBot.Core.Audit;
using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;

namespace CohortBot.Core.Exports;

/// <summary><c>/export kind:&lt;participants|submissions|rsvps|completion&gt;</c>: a CSV file attachment.</summary>
public sealed class ExportHandler(CohortExporter exporter, IAuditLog audit) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Export;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var kind = ctx.String("kind")!.Trim().ToLowerInvariant();
        var file = await exporter.ExportAsync(ctx.Cohort, kind, ctx.Now, t, ct);
        if (file is null)
        {
            return Reply.Error(t["export.unknown_kind", new { kind, valid = string.Join(", ", CohortExporter.Kinds) }]);
        }

        // Exports carry personal data (names, emails): who took one is worth knowing.
        await audit.RecordAsync(new AuditEntry(ctx.Cohort.Id, Actor.Of(ctx.Invocation.User), "export", kind, null,
            AuditState.Json(new { file = file.FileName, bytes = file.Content.Length }), ctx.Now), ct);
        var text = kind == "calendar"
            ? t["export.ready_calendar", new { name = file.FileName }]
            : t["export.ready", new { kind, name = file.FileName, zone = ctx.Cohort.TimeZone.Id }];
        return Reply.Success(text) with { Files = [file] };
    }
}

using CohortBot.Core.Audit;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;

namespace CohortBot.Core.Roster;

/// <summary>
/// <c>/roster file:&lt;csv&gt;</c>: imports participants (name, email, platform ids). All or
/// nothing: a file with any bad line changes nothing, and the reply lists every bad line.
/// Re-importing the same people adds no one twice.
/// </summary>
public sealed class RosterHandler(IRosterAdmin roster, CohortChanges changes) : ICommandHandler
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public CommandDescriptor Command => Catalogue.RosterImport;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var file = ctx.Attachment("file")!;
        var text = await ReadAsync(file, ct);
        if (text is null)
        {
            return Reply.Error(t["roster.unreadable", new { limit = MaxBytes / (1024 * 1024) }]);
        }

        var (entries, errors) = RosterCsv.Parse(text);
        if (errors.Count > 0)
        {
            return Reply.Error(t.Plural("roster.errors", errors.Count)) with
            {
                Fields = [new(t["roster.errors_field"], string.Join("\n", errors.Take(20).Select(e => t[e.Key, e.Args])))],
            };
        }

        var added = await roster.ImportAsync(ctx.Cohort.Id, entries, ctx.Now, added => new AuditEntry(ctx.Cohort.Id, Actor.Of(ctx.Invocation.User), "roster.import", file.FileName, null,
            AuditState.Json(new { rows = entries.Count, added }), ctx.Now), ct);
        await changes.PublishAsync(new CohortChange(ctx.Cohort.Id, CohortChangeKind.ParticipantChanged, "roster"), ct);
        return Reply.Success(t["roster.imported", new
        {
            rows = t.Plural("count.rows", entries.Count),
            added = t.Plural("count.new_participants", added),
            known = entries.Count - added,
        }]);
    }

    /// <summary>The file as text, or null when it is too large (whatever size the platform declared) or not UTF-8.</summary>
    private static async Task<string?> ReadAsync(InvocationAttachment file, CancellationToken ct)
    {
        if (file.DeclaredSize > MaxBytes)
        {
            return null;
        }

        await using var stream = await file.OpenAsync(ct);
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
        }

        if (total > MaxBytes)
        {
            return null;
        }

        try
        {
            return Exports.Csv.Encoding.GetString(buffer, 0, total);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}

using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Time;

namespace CohortBot.Core.Submissions;

/// <summary><c>/cert type:&lt;certificate&gt; url:&lt;credential link&gt; [file]</c>: the certification mission.</summary>
public sealed class CertHandler(ICohortStore cohorts, ISubmissionStore submissions, ProofIntake intake, IAllowanceStore allowances) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Cert;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var types = await cohorts.CertificateTypesAsync(ctx.Cohort.Id, ct);
        if (types.Count == 0 || ctx.Cohort.CertificateDeadline is not { } deadline)
        {
            return Reply.Error(t["cert.none"]);
        }

        var wanted = ctx.String("type")!;
        var type = types.FirstOrDefault(c => string.Equals(c.Key, wanted, StringComparison.OrdinalIgnoreCase)
                                          || string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            return Reply.Error(t["cert.unknown_type", new { type = wanted, valid = string.Join(", ", types.Select(c => $"{c.Key} ({c.Name})")) }]);
        }

        if (!ProofUrl.TryNormalize(ctx.String("url"), out var url))
        {
            return Reply.Error(t["proof.bad_url"]);
        }

        // A staged image is deleted on the way out unless it was kept after the row committed.
        await using var stored = ctx.Attachment("file") is { } attachment ? await intake.StoreAsync(attachment, ct) : null;
        if (stored is { File: null })
        {
            return Reply.Error(stored.ErrorText(t));
        }

        var file = stored?.File;

        deadline = OwnDeadline.Of(deadline, (await allowances.ForParticipantAsync(ctx.Participant.Id, ct)).CertificateDeadline).DueAt;

        var late = ctx.Now > deadline;
        var saved = await submissions.RecordCertificateAsync(
            new NewCertificateSubmission(ctx.Cohort.Id, ctx.Participant.Id, type.Key, ctx.Now, url, file, late), ct);
        if (stored is not null)
        {
            await stored.KeepAsync(ct);
        }

        return new Reply(t[late ? "cert.accepted_late" : "cert.accepted", new { name = type.Name, deadline }])
        {
            Tone = late ? ReplyTone.Warning : ReplyTone.Success,
            Fields =
            [
                new(t["field.certificate"], type.Name),
                new(t["field.proof"], saved.Url),
                new(t["field.submitted_at"], TimeMarkup.Token(saved.SubmittedAt)),
            ],
        };
    }
}

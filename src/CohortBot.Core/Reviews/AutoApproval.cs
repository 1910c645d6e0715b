using CohortBot.Core.Audit;
using CohortBot.Core.Submissions;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Reviews;

/// <summary>
/// Approves link-only weekly proofs whose host is an allow-listed domain (or a subdomain of one),
/// so organizers only look at screenshots and unknown sites. Recorded as reviewed by <c>auto</c>.
/// </summary>
public sealed class AutoApproval(IReviewQueue queue, IAuditLog audit, IOptions<ReviewOptions> options)
{
    public const string Reviewer = "auto";

    public async Task<bool> TryAsync(long cohortId, Submission saved, DateTimeOffset now, CancellationToken ct)
    {
        if (saved.File is not null || saved.Url is null || !Allowed(saved.Url))
        {
            return false;
        }

        var proof = new ProofRef(ProofKind.Weekly, saved.Id);
        var result = await queue.DecideAsync(cohortId, proof, new ReviewDecision(true, null, Reviewer, now), ct);
        if (result.Outcome != ReviewOutcome.Decided)
        {
            return false;
        }

        await audit.RecordAsync(new AuditEntry(cohortId, Reviewer, "review.auto_approve", proof.ToString(),
            AuditState.Json(new { status = "pending" }), AuditState.Json(new { status = "approved", url = saved.Url }), now), ct);
        return true;
    }

    private bool Allowed(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.');
        return options.Value.AutoApproveDomains.Any(d =>
        {
            var domain = d.Trim().TrimEnd('.').ToLowerInvariant();
            return domain.Length > 0 && (host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));
        });
    }
}

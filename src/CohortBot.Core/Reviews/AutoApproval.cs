using CohortBot.Core.Audit;
using CohortBot.Core.Submissions;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Reviews;

/// <summary>
/// Approves link-only weekly proofs whose host is an allow-listed domain (or a subdomain of one),
/// so organizers only look at screenshots and unknown sites. Recorded as reviewed by <c>auto</c>,
/// in the same transaction as the proof itself (see <see cref="NewSubmission.AutoApprove"/>).
/// </summary>
public sealed class AutoApproval(IOptions<ReviewOptions> options)
{
    public const string Reviewer = "auto";

    /// <summary>Whether a proof of this link and file is approved as it is recorded.</summary>
    public bool Applies(string? url, ProofFile? file) => file is null && url is not null && Allowed(url);

    /// <summary>The audit entry of an automatic approval, written with the proof.</summary>
    public static AuditEntry AuditOf(long cohortId, Submission saved, DateTimeOffset at) =>
        new(cohortId, Reviewer, "review.auto_approve", new ProofRef(ProofKind.Weekly, saved.Id).ToString(),
            AuditState.Json(new { status = "pending" }), AuditState.Json(new { status = "approved", url = saved.Url }), at);

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

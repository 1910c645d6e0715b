using System.ComponentModel.DataAnnotations;

namespace CohortBot.Core.Reviews;

/// <summary>The review queue (section <c>Review</c>).</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>How long a claimed proof stays with its reviewer before another may take it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "02:00:00", ErrorMessage = "Review:ClaimLease must be between 00:01:00 and 02:00:00.")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Link-only weekly proofs on these hosts (or their subdomains) are approved on arrival,
    /// e.g. <c>coursera.org</c>. Empty: every proof waits for a person.
    /// </summary>
    public List<string> AutoApproveDomains { get; } = [];
}

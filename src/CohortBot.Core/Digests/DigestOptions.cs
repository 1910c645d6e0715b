using System.ComponentModel.DataAnnotations;

namespace CohortBot.Core.Digests;

/// <summary>The organizer digest (section <c>Digest</c>): how many people it names before "and N more".</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>People most at risk named in the message; the rest are counted, and all are in the CSV.</summary>
    [Range(1, 15, ErrorMessage = "Digest:AtRiskListed must be between 1 and 15.")]
    public int AtRiskListed { get; set; } = 10;

    /// <summary>Duplicate proofs named in the message; the rest are counted, and all are in the CSV.</summary>
    [Range(0, 10, ErrorMessage = "Digest:DuplicatesListed must be between 0 and 10.")]
    public int DuplicatesListed { get; set; } = 5;
}

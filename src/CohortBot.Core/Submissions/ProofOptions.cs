using System.ComponentModel.DataAnnotations;

namespace CohortBot.Core.Submissions;

/// <summary>Limits on proof images (section <c>Proofs</c>).</summary>
public sealed class ProofOptions
{
    public const string Section = "Proofs";

    /// <summary>Largest accepted image, in bytes. Discord's default upload limit is 10 MiB.</summary>
    [Range(1024, 100L * 1024 * 1024, ErrorMessage = "Proofs:MaxImageBytes must be between 1024 and 104857600 bytes.")]
    public long MaxImageBytes { get; set; } = 8L * 1024 * 1024;
}

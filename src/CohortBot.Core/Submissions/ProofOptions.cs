using System.ComponentModel.DataAnnotations;

namespace CohortBot.Core.Submissions;

/// <summary>Limits on proof images (section <c>Proofs</c>).</summary>
public sealed class ProofOptions
{
    public const string Section = "Proofs";

    /// <summary>Largest accepted image, in bytes. Discord's default upload limit is 10 MiB.</summary>
    [Range(1024, 100L * 1024 * 1024, ErrorMessage = "Proofs:MaxImageBytes must be between 1024 and 104857600 bytes.")]
    public long MaxImageBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>
    /// Largest accepted canvas (width × height, as the image's header declares it). A tall scrolling
    /// screenshot is a few tens of millions; a small file declaring billions is a decompression bomb.
    /// </summary>
    [Range(1, 1_000_000_000L, ErrorMessage = "Proofs:MaxImagePixels must be between 1 and 1000000000.")]
    public long MaxImagePixels { get; set; } = 50_000_000;
}

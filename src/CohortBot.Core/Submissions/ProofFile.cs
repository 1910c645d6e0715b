namespace CohortBot.Core.Submissions;

/// <summary>A stored proof image, addressed by the SHA-256 of its bytes.</summary>
public sealed record ProofFile(string Sha256, string ContentType, long SizeBytes);

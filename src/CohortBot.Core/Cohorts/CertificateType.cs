namespace CohortBot.Core.Cohorts;

/// <summary>A certificate that satisfies the certification mission.</summary>
public sealed record CertificateType(string Key, string Name);

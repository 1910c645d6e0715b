namespace CohortBot.Core.Reviews;

/// <summary>Which table a proof lives in.</summary>
public enum ProofKind
{
    Weekly,
    Certificate,
}

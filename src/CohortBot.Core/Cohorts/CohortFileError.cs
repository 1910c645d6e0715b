namespace CohortBot.Core.Cohorts;

/// <summary>One problem in the cohort file, with the line it is on.</summary>
public sealed record CohortFileError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>Thrown at start-up when the cohort file cannot be used; lists every problem found.</summary>
public sealed class CohortFileException(string path, IReadOnlyList<CohortFileError> errors)
    : Exception($"{path} has {errors.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => $"  {path}:{e}")))
{
    public IReadOnlyList<CohortFileError> Errors { get; } = errors;
}

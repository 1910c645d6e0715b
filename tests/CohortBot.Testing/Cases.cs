namespace CohortBot.Testing;

/// <summary>
/// Runs a property over a fixed sequence of case seeds (each case builds its input with
/// <see cref="HostileText"/>): every run checks the same cases, and a failure names the seed that
/// reproduces it. To explore beyond them locally, <c>COHORTBOT_CASES_SEED=&lt;n&gt;</c> draws another
/// sequence; <c>COHORTBOT_CASE=&lt;seed&gt;</c> runs one case alone. CI sets neither.
/// </summary>
public static class Cases
{
    private const int DefaultSequence = 20261130;

    public static void Run(int count, Action<int> property)
    {
        foreach (var (index, seed) in Seeds(count))
        {
            try
            {
                property(seed);
            }
            catch (Exception ex)
            {
                throw new CaseFailedException(index, seed, ex);
            }
        }
    }

    public static async Task RunAsync(int count, Func<int, Task> property)
    {
        foreach (var (index, seed) in Seeds(count))
        {
            try
            {
                await property(seed);
            }
            catch (Exception ex)
            {
                throw new CaseFailedException(index, seed, ex);
            }
        }
    }

    private static IEnumerable<(int Index, int Seed)> Seeds(int count)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COHORTBOT_CASE"), out var only))
        {
            yield return (0, only);
            yield break;
        }

        var sequence = int.TryParse(Environment.GetEnvironmentVariable("COHORTBOT_CASES_SEED"), out var chosen) ? chosen : DefaultSequence;
        var random = new Random(sequence);
        for (var i = 0; i < count; i++)
        {
            yield return (i, random.Next());
        }
    }
}

/// <summary>A property that failed for one case: the seed reruns it (<c>COHORTBOT_CASE</c>).</summary>
public sealed class CaseFailedException(int index, int seed, Exception inner)
    : Exception($"Case {index} failed; rerun it alone with COHORTBOT_CASE={seed}. {inner.GetType().Name}: {inner.Message}", inner);

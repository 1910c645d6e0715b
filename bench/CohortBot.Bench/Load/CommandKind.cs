namespace CohortBot.Bench.Load;

/// <summary>The commands of a deadline rush, and how often each comes up.</summary>
public static class CommandKind
{
    public const string SubmitLink = "submit-link";
    public const string SubmitImage = "submit-image";
    public const string SubmitImageForm = "submit-image-form";
    public const string Rsvp = "rsvp";
    public const string Deadlines = "deadlines";
    public const string Progress = "progress";

    private static readonly (string Kind, int Weight)[] Mix =
        [(SubmitLink, 40), (SubmitImage, 5), (Rsvp, 20), (Deadlines, 20), (Progress, 15)];

    private static readonly int Total = Mix.Sum(m => m.Weight);

    public static string Pick(Random random)
    {
        var roll = random.Next(Total);
        foreach (var (kind, weight) in Mix)
        {
            if ((roll -= weight) < 0)
            {
                return kind;
            }
        }

        return Mix[^1].Kind;
    }

    /// <summary>Mostly the uncapped talk; some go for the office hour's 50 seats and its waitlist.</summary>
    public static string Event(Random random) => random.NextDouble() < 0.7 ? Setup.BenchCohort.TechTalk : Setup.BenchCohort.OfficeHours;
}

namespace CohortBot.Core.Events;

public enum EventKind
{
    TechTalk,
    CareerTalk,
    OfficeHours,
}

public static class EventKinds
{
    /// <summary>The names used in the cohort file and in commands.</summary>
    public static string Key(this EventKind kind) => kind switch
    {
        EventKind.TechTalk => "tech_talk",
        EventKind.CareerTalk => "career_talk",
        EventKind.OfficeHours => "office_hours",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? text, out EventKind kind)
    {
        var normalized = text?.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        foreach (var candidate in Enum.GetValues<EventKind>())
        {
            if (candidate.Key() == normalized || candidate.Key().Replace("_", string.Empty, StringComparison.Ordinal) == normalized)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

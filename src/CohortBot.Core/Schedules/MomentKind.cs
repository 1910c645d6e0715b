namespace CohortBot.Core.Schedules;

/// <summary>The kinds of scheduled work; the key is what the ledger stores.</summary>
public enum MomentKind
{
    DeadlineReminder,
    EventReminder,
    Announcement,
    Digest,
}

public static class MomentKinds
{
    public static string Key(this MomentKind kind) => kind switch
    {
        MomentKind.DeadlineReminder => "deadline",
        MomentKind.EventReminder => "event",
        MomentKind.Announcement => "announcement",
        MomentKind.Digest => "digest",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string key, out MomentKind kind)
    {
        foreach (var candidate in Enum.GetValues<MomentKind>())
        {
            if (candidate.Key() == key)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

using CohortBot.Core.Messages;

namespace CohortBot.Core.Digests;

/// <summary>
/// The size a message the bot posts on its own keeps to, whatever the cohort's size, chosen under
/// the tighter of the two platforms: Discord's embed (description 4,096, 25 fields, field value
/// 1,024, 6,000 in all) and Slack's blocks (section text 3,000; a field 2,000, of which its renderer
/// gives the value half; 50 blocks). A time token is ~20 characters here and up to ~70 once Slack
/// renders it, hence the smaller budget of fields that carry times.
/// </summary>
public static class DigestLimits
{
    public const int MaxTextChars = 2000;
    public const int MaxFields = 6;
    public const int MaxFieldName = 200;
    public const int MaxFieldValue = 900;
    public const int MaxTimedFieldValue = 560;
    public const int MaxTotalChars = 5000;

    /// <summary>
    /// Up to <paramref name="maxShown"/> of <paramref name="lines"/> within <paramref name="budget"/>
    /// characters, then "…and N more" for the other <paramref name="total"/> − shown (a dash when none).
    /// </summary>
    public static string List(IEnumerable<string> lines, int total, int maxShown, int budget, Texts t)
    {
        var shown = new List<string>();
        var more = t["digest.more", new { count = total }];
        var length = 0;
        foreach (var line in lines.Take(maxShown))
        {
            // Room for the "more" line is kept unless this is the last line there is.
            var reserve = shown.Count + 1 < total ? more.Length + 1 : 0;
            if (length + line.Length + (shown.Count > 0 ? 1 : 0) + reserve > budget)
            {
                break;
            }

            length += line.Length + (shown.Count > 0 ? 1 : 0);
            shown.Add(line);
        }

        if (total == 0)
        {
            return t["digest.none"];
        }

        if (shown.Count < total)
        {
            shown.Add(t["digest.more", new { count = total - shown.Count }]);
        }

        return string.Join("\n", shown);
    }
}

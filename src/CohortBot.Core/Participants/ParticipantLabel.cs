using System.Globalization;
using CohortBot.Core.Text;

namespace CohortBot.Core.Participants;

/// <summary>
/// How organizers see a participant wherever names are listed (digest, review card, reports):
/// the display name, then the participant's <c>#id</c> and platform handle, e.g.
/// <c>Kim Minjun (#12 · discord:81234…)</c>. Display names are not unique (two people called
/// "p00000", or the same Korean name), so a name alone is never shown to organizers.
/// </summary>
public static class ParticipantLabel
{
    /// <param name="maxName">Cut the name to this many characters (a list of many people keeps each line short).</param>
    public static string Of(string name, long id, string? handle, int maxName = DisplayNames.MaxLength)
    {
        var shown = TextClip.Truncate(name, maxName);
        var number = id.ToString(CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(handle) ? $"{shown} (#{number})" : $"{shown} (#{number} · {handle})";
    }

    public static string Of(Participant participant, int maxName = DisplayNames.MaxLength) =>
        Of(participant.DisplayName, participant.Id, participant.Handle, maxName);

    /// <summary>The handle of a platform account: <c>platform:user id</c>.</summary>
    public static string Handle(string platform, string userId) => platform + ":" + userId;
}

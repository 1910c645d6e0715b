using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Messages;

/// <summary>
/// The catalogue in someone's language (<see cref="ReaderLanguage"/>), for adapters that word a
/// message themselves (a terminal prompt, a note that files went to the DM). Commands get theirs
/// from the dispatcher.
/// </summary>
public sealed class ReaderTexts(ICohortResolver cohorts, IParticipantStore participants, MessageCatalogue catalogue)
{
    public async Task<Texts> ForAsync(PlatformUser user, CancellationToken ct)
    {
        var cohort = await cohorts.ResolveAsync(Invocation.Create(string.Empty, user), ct);
        var known = await participants.FindByIdentityAsync(cohort.Id, user.Platform, user.UserId, ct);
        return catalogue.For(ReaderLanguage.Of(known, user.Locale, cohort.Language));
    }
}

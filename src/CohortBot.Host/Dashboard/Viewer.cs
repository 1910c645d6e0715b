using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;
using CohortBot.Core.Time;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// The signed-in organizer as the pages see them: their session, the cohort, and their language
/// and time zone, chosen exactly as for their chat replies (/language and /timezone included).
/// </summary>
internal sealed record Viewer(DashboardSession Session, Cohort Cohort, Texts T, ZonedTimeFormatter Times)
{
    public static async Task<Viewer> OfAsync(DashboardSession session, ICohortResolver cohorts, IParticipantStore participants, MessageCatalogue catalogue, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await cohorts.ResolveAsync(Invocation.Create(Catalogue.Dashboard.Name, session.User), ct);
        var known = await participants.FindByIdentityAsync(cohort.Id, session.User.Platform, session.User.UserId, ct);
        var t = catalogue.For(ReaderLanguage.Of(known, session.User.Locale, cohort.Language));
        var zone = cohort.TimeZone;
        if (known?.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var own))
        {
            zone = own;
        }

        return new Viewer(session, cohort, t, new ZonedTimeFormatter(zone, clock, t));
    }
}

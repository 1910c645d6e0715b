using CohortBot.Core.Cohorts;
using CohortBot.Core.Notifications;
using CohortBot.Core.Outbox;
using CohortBot.Core.Schedules;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Digests;

/// <summary>
/// Posts the digest to the organizers' channel of every running platform that has one: on the
/// schedule through the ledger (each page its own key, so a retry repeats no page), or on demand.
/// </summary>
public sealed partial class OrganizerDigest(DigestBuilder builder, ChannelPoster poster, TimeProvider clock, ILogger<OrganizerDigest> logger)
{
    public async Task<int> RunScheduledAsync(Cohort cohort, ScheduledMoment moment, CancellationToken ct)
    {
        if (poster.Targets(ChannelKind.Organizers).Count == 0)
        {
            LogNoChannel(moment.Name);
            return 0;
        }

        var pages = await builder.BuildAsync(cohort, clock.GetUtcNow(), ct);
        var sent = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var key = moment.JobKey with { Subject = $"{moment.LedgerSubject}#{i + 1}" };
            sent += (await poster.PostAsync(cohort.Id, ChannelKind.Organizers, key, moment.At, pages[i], ct)).Count(o => o == DeliveryOutcome.Sent);
        }

        LogPosted(moment.Name, pages.Count, sent);
        return sent;
    }

    /// <summary>
    /// <c>/digest</c>: straight to the organizers' channel of <paramref name="platform"/>, outside
    /// the ledger (asking twice means wanting it twice). Null when that platform has no such channel.
    /// </summary>
    public async Task<int?> PostNowAsync(Cohort cohort, string platform, CancellationToken ct)
    {
        var target = poster.Targets(ChannelKind.Organizers).FirstOrDefault(x => string.Equals(x.Platform.Platform, platform, StringComparison.OrdinalIgnoreCase));
        if (target.Platform is null)
        {
            return null;
        }

        var pages = await builder.BuildAsync(cohort, clock.GetUtcNow(), ct);
        foreach (var page in pages)
        {
            await target.Platform.SendToChannelAsync(target.Channel, page, ct);
        }

        return pages.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Moment} has nowhere to go: no running platform has Channels:<platform>:Organizers")]
    private partial void LogNoChannel(string moment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Moment}: {Pages} page(s), {Sent} post(s) sent")]
    private partial void LogPosted(string moment, int pages, int sent);
}

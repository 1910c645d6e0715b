using CohortBot.Core.Cohorts;
using CohortBot.Core.Notifications;
using CohortBot.Core.Outbox;
using CohortBot.Core.Schedules;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Digests;

/// <summary>
/// Posts the digest — one message with its CSV — to the organizers' channel of every running
/// platform that has one: on the schedule through the ledger, or on demand. Messages the bot posts
/// on its own are never split into pages (a channel takes about five messages in five seconds).
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

        var message = await builder.BuildAsync(cohort, clock.GetUtcNow(), ct);
        // "#1": the key the first page had when digests came in pages, so an upgrade repeats nothing.
        var key = moment.JobKey with { Subject = $"{moment.LedgerSubject}#1" };
        var sent = (await poster.PostAsync(cohort.Id, ChannelKind.Organizers, key, moment.At, message, ct)).Count(o => o == DeliveryOutcome.Sent);
        LogPosted(moment.Name, sent);
        return sent;
    }

    /// <summary>
    /// <c>/digest</c>: straight to the organizers' channel of <paramref name="platform"/>, outside
    /// the ledger (asking twice means wanting it twice). False when that platform has no such channel.
    /// </summary>
    public async Task<bool> PostNowAsync(Cohort cohort, string platform, CancellationToken ct)
    {
        var target = poster.Targets(ChannelKind.Organizers).FirstOrDefault(x => string.Equals(x.Platform.Platform, platform, StringComparison.OrdinalIgnoreCase));
        if (target.Platform is null)
        {
            return false;
        }

        await target.Platform.SendToChannelAsync(target.Channel, await builder.BuildAsync(cohort, clock.GetUtcNow(), ct), ct);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Moment} has nowhere to go: no running platform has Channels:<platform>:Organizers")]
    private partial void LogNoChannel(string moment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Moment}: {Sent} post(s) sent")]
    private partial void LogPosted(string moment, int sent);
}

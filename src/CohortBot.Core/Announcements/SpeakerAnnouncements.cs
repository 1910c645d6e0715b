using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Events;
using CohortBot.Core.Messages;
using CohortBot.Core.Notifications;
using CohortBot.Core.Schedules;
using CohortBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Announcements;

/// <summary>
/// Before each tech talk and career talk: a post in the announcements channel introducing the
/// company, speakers, topic and time, with an RSVP button. Written in the cohort's language.
/// </summary>
public sealed partial class SpeakerAnnouncements(
    IEventStore events,
    ChannelPoster poster,
    MessageCatalogue catalogue,
    TimeProvider clock,
    ILogger<SpeakerAnnouncements> logger)
{
    public async Task<int> RunAsync(Cohort cohort, ScheduledMoment moment, CancellationToken ct)
    {
        var e = moment.EventKey is { } key ? await events.FindAsync(cohort.Id, key, ct) : null;
        if (e is null || e.Cancelled || e.Kind is EventKind.OfficeHours || e.StartsAt != moment.Target || e.StartsAt <= clock.GetUtcNow())
        {
            LogStale(moment.Name);
            return 0;
        }

        var outcomes = await poster.PostAsync(cohort.Id, ChannelKind.Announcements, moment.JobKey, moment.At, Compose(catalogue.For(cohort.Language), e), ct);
        if (outcomes.Count == 0)
        {
            LogNoChannel(moment.Name);
        }

        return outcomes.Count(o => o == Outbox.DeliveryOutcome.Sent);
    }

    public static Reply Compose(Texts t, CohortEvent e)
    {
        var lines = new List<string>
        {
            t["announce.intro", new { kind = t["kind." + e.Kind.Key()], company = e.Company ?? "-", title = e.Title }],
            t["announce.when", new { starts = e.StartsAt, relative = TimeMarkup.Token(e.StartsAt, TimeStyle.Relative) }],
        };
        if (e.Topic is not null)
        {
            lines.Add(t["announce.topic", new { topic = e.Topic }]);
        }

        if (e.Speakers.Count > 0)
        {
            lines.Add(t["events.speakers", new { speakers = string.Join(", ", e.Speakers.Select(s => s.Role is null ? s.Name : $"{s.Name} ({s.Role})")) }]);
        }

        lines.Add(t["announce.rsvp", new { id = e.Key }]);
        return new Reply(string.Join("\n", lines))
        {
            Title = t["announce.title", new { title = e.Title }],
            Ephemeral = false,
            Buttons = [new ReplyButton(t["button.rsvp", new { id = e.Key }], ButtonAction.Encode(Catalogue.Rsvp.Name, ("event", e.Key)), ButtonStyle.Primary)],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Moment}: the event moved, was cancelled or has started")]
    private partial void LogStale(string moment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcement {Moment} has nowhere to go: no running platform has Channels:<platform>:Announcements")]
    private partial void LogNoChannel(string moment);
}

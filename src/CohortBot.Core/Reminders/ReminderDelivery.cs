using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Notifications;
using CohortBot.Core.Outbox;
using CohortBot.Core.Schedules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Reminders;

/// <summary>
/// Delivers one reminder to one participant: nothing when they turned reminders off; during their
/// quiet hours the delivery is parked in the ledger until the quiet hours end, or skipped when
/// that would be too late (after the deadline or event); otherwise one DM per platform account,
/// each with its own ledger key (<c>participant@platform</c>).
/// </summary>
public sealed partial class ReminderDelivery(
    OutboxSender sender,
    IDeliveryLedger ledger,
    IEnumerable<IChatPlatform> platforms,
    MessageCatalogue catalogue,
    IOptions<ScheduleOptions> options,
    TimeProvider clock,
    ILogger<ReminderDelivery> logger)
{
    private readonly Dictionary<string, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Platform, StringComparer.OrdinalIgnoreCase);

    public static string RecipientOf(long participantId, string platform) => $"{participantId}@{platform}";

    public static bool TryParseRecipient(string recipient, out long participantId, out string platform)
    {
        var at = recipient.IndexOf('@', StringComparison.Ordinal);
        platform = at < 0 ? string.Empty : recipient[(at + 1)..];
        participantId = 0;
        return at > 0 && long.TryParse(recipient.AsSpan(0, at), System.Globalization.CultureInfo.InvariantCulture, out participantId) && platform.Length > 0;
    }

    /// <summary>
    /// Delivers to a whole audience, read a page at a time (keyset by participant id, so memory
    /// stays flat for thousands) and sent with bounded concurrency through the platforms' own
    /// rate-limited clients. Returns how many DMs went out.
    /// </summary>
    /// <param name="select">Narrows each page read (paging still follows the unfiltered page).</param>
    public async Task<int> FanOutAsync(
        Cohort cohort,
        ScheduledMoment moment,
        Func<long, int, CancellationToken, Task<IReadOnlyList<ReminderRecipient>>> readPage,
        Func<Texts, Reply> compose,
        CancellationToken ct,
        Func<IReadOnlyList<ReminderRecipient>, CancellationToken, Task<IReadOnlyList<ReminderRecipient>>>? select = null)
    {
        var o = options.Value;
        var sent = 0;
        var after = 0L;
        while (true)
        {
            var page = await readPage(after, o.PageSize, ct);
            if (page.Count == 0)
            {
                return sent;
            }

            var chosen = select is null ? page : await select(page, ct);
            await Parallel.ForEachAsync(chosen, new ParallelOptions { MaxDegreeOfParallelism = o.FanOutConcurrency, CancellationToken = ct }, async (r, c) =>
                Interlocked.Add(ref sent, await DeliverAsync(cohort, moment, r, compose, c)));
            after = page[^1].ParticipantId;
        }
    }

    /// <param name="onlyPlatform">Set for a retry: only that account is tried again.</param>
    public async Task<int> DeliverAsync(Cohort cohort, ScheduledMoment moment, ReminderRecipient recipient, Func<Texts, Reply> compose, CancellationToken ct, string? onlyPlatform = null)
    {
        if (!recipient.RemindersEnabled)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var zone = ZoneOf(recipient, cohort);
        var quietEnd = QuietOf(recipient)?.EndAfter(now, zone);
        var sent = 0;
        foreach (var identity in recipient.Identities)
        {
            if ((onlyPlatform is not null && !string.Equals(onlyPlatform, identity.Platform, StringComparison.OrdinalIgnoreCase))
                || !_platforms.TryGetValue(identity.Platform, out var platform))
            {
                continue;
            }

            var key = moment.JobKey.ForRecipient(RecipientOf(recipient.ParticipantId, identity.Platform));
            if (quietEnd is { } end)
            {
                if (end < moment.Target)
                {
                    await ledger.DeferAsync(cohort.Id, key, moment.At, end, now, ct);
                }
                else
                {
                    LogQuietSkip(key.ToString());
                }

                continue;
            }

            var message = compose(catalogue.For(recipient.Locale ?? cohort.Language));
            if (await sender.DeliverAsync(cohort.Id, key, moment.At, c => platform.SendDirectAsync(identity.UserId, message, c), ct) == DeliveryOutcome.Sent)
            {
                sent++;
            }
        }

        return sent;
    }

    private QuietHours? QuietOf(ReminderRecipient recipient) =>
        recipient.Quiet ?? (QuietHours.TryParse(options.Value.DefaultQuietHours, out var fallback) ? fallback : null);

    private static TimeZoneInfo ZoneOf(ReminderRecipient recipient, Cohort cohort) =>
        recipient.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : cohort.TimeZone;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Key}: quiet hours last past the moment it is about")]
    private partial void LogQuietSkip(string key);
}

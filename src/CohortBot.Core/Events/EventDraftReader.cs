using System.Globalization;
using System.Text.RegularExpressions;
using CohortBot.Core.Commands;
using CohortBot.Core.Submissions;
using CohortBot.Core.Time;

namespace CohortBot.Core.Events;

/// <summary>
/// Applies the options of <c>/event-create</c> and <c>/event-edit</c> to a draft: times in the
/// cohort's zone, duration like <c>90m</c> or <c>1h30m</c>, speakers as
/// <c>"Name (Role); Name"</c>. Returns the first problem as a message key with its arguments.
/// </summary>
public static partial class EventDraftReader
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"];

    public static (EventDraft? Draft, string? ErrorKey, object? Args) Apply(EventDraft baseline, CommandContext ctx)
    {
        var draft = baseline;
        if (ctx.String("kind") is { } kindText)
        {
            if (!EventKinds.TryParse(kindText, out var kind))
            {
                return (null, "events.unknown_kind", new { kind = kindText, valid = string.Join(", ", Enum.GetValues<EventKind>().Select(k => k.Key())) });
            }

            draft = draft with { Kind = kind };
        }

        var length = draft.EndsAt - draft.StartsAt;
        if (ctx.String("starts") is { } startsText)
        {
            if (!DateTime.TryParseExact(startsText.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                || !TryInstant(local, ctx.Cohort.TimeZone, out var starts))
            {
                return (null, "event.bad_time", new { value = startsText, zone = ctx.Cohort.TimeZone.Id });
            }

            draft = draft with { StartsAt = starts, EndsAt = starts + length };
        }

        if (ctx.String("duration") is { } durationText)
        {
            if (Duration(durationText) is not { } duration)
            {
                return (null, "event.bad_duration", new { value = durationText });
            }

            draft = draft with { EndsAt = draft.StartsAt + duration };
        }

        if (ctx.String("join_url") is { } url)
        {
            if (!ProofUrl.TryNormalize(url, out var normalized))
            {
                return (null, "proof.bad_url", null);
            }

            draft = draft with { JoinUrl = normalized };
        }

        draft = draft with
        {
            Title = ctx.String("title")?.Trim() ?? draft.Title,
            Company = Text(ctx, "company", draft.Company),
            Topic = Text(ctx, "topic", draft.Topic),
            Speakers = ctx.String("speakers") is { } speakers ? Speakers(speakers) : draft.Speakers,
            Capacity = ctx.Integer("capacity") is { } capacity ? (capacity == 0 ? null : (int)capacity) : draft.Capacity,
        };
        return string.IsNullOrWhiteSpace(draft.Title) ? (null, "event.no_title", null) : (draft, null, null);
    }

    /// <summary>An option given as "-" clears the field.</summary>
    private static string? Text(CommandContext ctx, string name, string? current) =>
        ctx.String(name) is { } value ? (value.Trim() is "-" or "" ? null : value.Trim()) : current;

    private static IReadOnlyList<Speaker> Speakers(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s =>
        {
            var match = SpeakerPattern().Match(s);
            return match.Success ? new Speaker(match.Groups[1].Value.Trim(), match.Groups[2].Value.Trim()) : new Speaker(s, null);
        })];

    private static TimeSpan? Duration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || (!match.Groups[1].Success && !match.Groups[2].Success))
        {
            return null;
        }

        var span = new TimeSpan(
            match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0, 0);
        return span > TimeSpan.Zero && span <= TimeSpan.FromHours(24) ? span : null;
    }

    private static bool TryInstant(DateTime local, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        try
        {
            instant = ZonedTime.ToInstant(local, zone);
            return true;
        }
        catch (ArgumentException)
        {
            instant = default;
            return false;
        }
    }

    [GeneratedRegex(@"^(.+?)\s*\(([^()]+)\)$")]
    private static partial Regex SpeakerPattern();

    [GeneratedRegex(@"^\s*(?:(\d{1,2})h)?\s*(?:(\d{1,4})m)?\s*$")]
    private static partial Regex DurationPattern();
}

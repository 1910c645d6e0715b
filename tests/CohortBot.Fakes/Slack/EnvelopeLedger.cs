using System.Collections.Concurrent;

namespace CohortBot.Fakes.Slack;

/// <summary>
/// Slack's rules for envelopes, triggers and response URLs, and each envelope's timing. With
/// <see cref="EnforceRules"/> on: a trigger id works once and for 3 s (<c>exchanged_trigger_id</c>,
/// <c>expired_trigger_id</c>), and a response_url takes 5 posts within 30 minutes of being issued
/// (<c>used_url</c>, <c>expired_url</c>). Off (the tests' default), everything is accepted as before.
/// </summary>
public sealed class EnvelopeLedger(TimeProvider clock)
{
    public static readonly TimeSpan TriggerLifetime = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan ResponseUrlLifetime = TimeSpan.FromMinutes(30);
    public const int ResponseUrlUses = 5;

    private readonly ConcurrentDictionary<string, EnvelopeTiming> _envelopes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EnvelopeTiming> _byResponse = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long IssuedAt, int Uses)> _responseUrls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long IssuedAt, bool Used)> _triggers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<EnvelopeTiming> _unacked = new();

    public bool EnforceRules { get; set; }

    public TimeProvider Clock => clock;

    public int Count => _envelopes.Count;

    public IReadOnlyCollection<EnvelopeTiming> All => [.. _envelopes.Values];

    public EnvelopeTiming? Find(string envelopeId) => _envelopes.GetValueOrDefault(envelopeId);

    public TimeSpan Between(long from, long to) => clock.GetElapsedTime(from, to);

    public void IssueResponseUrl(string id) => _responseUrls.TryAdd(id, (clock.GetTimestamp(), 0));

    public void IssueTrigger(string triggerId) => _triggers.TryAdd(triggerId, (clock.GetTimestamp(), false));

    internal EnvelopeTiming Sent(string envelopeId, string? responseId, string text)
    {
        var timing = new EnvelopeTiming(envelopeId, responseId, clock.GetTimestamp(), text);
        _envelopes[envelopeId] = timing;
        if (responseId is not null)
        {
            _byResponse.TryAdd(responseId, timing);
        }

        _unacked.Enqueue(timing);
        return timing;
    }

    internal void Acked(string envelopeId, bool hasPayload, bool error)
    {
        if (_envelopes.TryGetValue(envelopeId, out var timing))
        {
            lock (timing.Gate)
            {
                timing.Ack(clock.GetTimestamp(), hasPayload, error);
            }
        }
    }

    /// <returns>Null when the post is accepted, else Slack's error text (answered 404).</returns>
    internal string? ResponsePosted(string id, bool error)
    {
        var now = clock.GetTimestamp();
        if (_responseUrls.TryGetValue(id, out var url) && EnforceRules)
        {
            if (clock.GetElapsedTime(url.IssuedAt, now) > ResponseUrlLifetime)
            {
                return "expired_url";
            }

            if (url.Uses >= ResponseUrlUses)
            {
                return "used_url";
            }
        }

        _responseUrls.AddOrUpdate(id, _ => (now, 1), (_, u) => (u.IssuedAt, u.Uses + 1));
        if (_byResponse.TryGetValue(id, out var timing))
        {
            lock (timing.Gate)
            {
                timing.Answer(now, error);
            }
        }

        return null;
    }

    /// <returns>Null when the trigger may open a view, else Slack's error.</returns>
    internal string? ExchangeTrigger(string? triggerId)
    {
        if (!EnforceRules || triggerId is null || !_triggers.TryGetValue(triggerId, out var trigger))
        {
            return null;
        }

        if (trigger.Used)
        {
            return "exchanged_trigger_id";
        }

        if (clock.GetElapsedTime(trigger.IssuedAt) > TriggerLifetime)
        {
            return "expired_trigger_id";
        }

        return _triggers.TryUpdate(triggerId, (trigger.IssuedAt, true), trigger) ? null : "exchanged_trigger_id";
    }

    /// <summary>Envelopes sent at least <paramref name="after"/> ago and still not acked, taken off the watch list.</summary>
    internal IEnumerable<EnvelopeTiming> Overdue(TimeSpan after)
    {
        var now = clock.GetTimestamp();
        while (_unacked.TryPeek(out var head))
        {
            if (head.AckAt is not null)
            {
                _unacked.TryDequeue(out _);
                continue;
            }

            if (clock.GetElapsedTime(head.LastSentAt, now) < after)
            {
                yield break;
            }

            _unacked.TryDequeue(out _);
            yield return head;
        }
    }

    internal void Watch(EnvelopeTiming timing) => _unacked.Enqueue(timing);
}

using System.Collections.Concurrent;

namespace CohortBot.Fakes.Discord;

/// <summary>
/// Discord's rules for answering an interaction, and a record of each answer's timing. With
/// <see cref="EnforceRules"/> on, a first callback more than 3 s after the interaction was sent is
/// refused 404 / 10062 "Unknown interaction", a second callback 400 / 40060, and edits or
/// follow-ups work for 15 minutes after an accepted callback, else 404 / 10015. With it off (the
/// tests' default) everything is accepted as before, and timings are still kept.
/// </summary>
public sealed class InteractionLedger(TimeProvider clock)
{
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    internal const string UnknownInteraction = """{"message":"Unknown interaction","code":10062}""";
    internal const string AlreadyAcknowledged = """{"message":"Interaction has already been acknowledged.","code":40060}""";
    internal const string UnknownWebhook = """{"message":"Unknown Webhook","code":10015}""";

    private readonly ConcurrentDictionary<string, InteractionTiming> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InteractionTiming> _byToken = new(StringComparer.Ordinal);

    public bool EnforceRules { get; set; }

    /// <summary>
    /// How long a first callback is accepted after the interaction was sent: Discord's 3 s. A test
    /// about something else on the real clock (the kill points) may widen it, so that a starved
    /// machine cannot fail it on a rule the fake-clock tests prove.
    /// </summary>
    public TimeSpan FirstCallbackWindow { get; set; } = ResponseWindow;

    public TimeProvider Clock => clock;

    public int Count => _byId.Count;

    /// <summary>Called by the gateway just before an interaction goes on the wire.</summary>
    public InteractionTiming Sent(string id, string token)
    {
        var timing = new InteractionTiming(id, token, clock.GetTimestamp());
        _byId[id] = timing;
        _byToken[token] = timing;
        return timing;
    }

    public InteractionTiming? Find(string id) => _byId.GetValueOrDefault(id);

    public IReadOnlyCollection<InteractionTiming> All => [.. _byId.Values];

    /// <summary>Elapsed time between two of this ledger's timestamps.</summary>
    public TimeSpan Between(long from, long to) => clock.GetElapsedTime(from, to);

    /// <returns>Null when the callback is accepted (204), else the refusal.</returns>
    internal (int Status, string Body)? Callback(string id, int type, bool errorReply)
    {
        var now = clock.GetTimestamp();
        if (!_byId.TryGetValue(id, out var timing))
        {
            return EnforceRules ? (404, UnknownInteraction) : null;
        }

        lock (timing.Gate)
        {
            timing.Called(now);
            if (timing.FirstResponseAt is not null)
            {
                timing.CountDuplicate();
                return EnforceRules ? (400, AlreadyAcknowledged) : null;
            }

            if (clock.GetElapsedTime(timing.SentAt, now) > FirstCallbackWindow)
            {
                timing.CountLate();
                if (EnforceRules)
                {
                    return (404, UnknownInteraction);
                }
            }

            timing.Accept(now, type, errorReply);
            return null;
        }
    }

    /// <returns>Null when the edit or follow-up is accepted, else the refusal.</returns>
    internal (int Status, string Body)? Webhook(string token, bool errorReply)
    {
        var now = clock.GetTimestamp();
        if (!_byToken.TryGetValue(token, out var timing))
        {
            return EnforceRules ? (404, UnknownWebhook) : null;
        }

        lock (timing.Gate)
        {
            var alive = timing.FirstResponseAt is { } first && clock.GetElapsedTime(first, now) <= TokenLifetime;
            if (EnforceRules && !alive)
            {
                timing.CountRefusedWebhook();
                return (404, UnknownWebhook);
            }

            timing.Answer(now, errorReply);
            return null;
        }
    }
}

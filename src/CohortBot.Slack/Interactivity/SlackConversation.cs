using CohortBot.Core.Commands;
using CohortBot.Core.Inbound;
using CohortBot.Slack.Rendering;
using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// One Slack delivery as the adapter runtime sees it. What Slack makes special: the acknowledgement
/// can carry the answer only for slash commands and form submissions (others are acknowledged at
/// once, empty), a later answer goes through the response_url (valid 30 minutes) or as an
/// ephemeral message or DM, and a repeat must be acknowledged too or Slack keeps retrying.
/// </summary>
internal sealed class SlackConversation(InboundRequest request, Func<AckPayload?, Task>? ack, DateTimeOffset receivedAt, bool restored, SlackConversations services)
    : IInboundConversation
{
    /// <summary>A response_url works for 30 minutes; a little is kept back for the request itself.</summary>
    private static readonly TimeSpan ResponseUrlLifetime = TimeSpan.FromMinutes(29);

    /// <summary>Slack's 3 s for the acknowledgement, less what sending it needs.</summary>
    private static readonly TimeSpan AckWindow = TimeSpan.FromSeconds(2.5);

    private readonly string _userId = request.UserId ?? string.Empty;
    private InboundOutcome _outcome = InboundOutcome.Nothing;
    private int _acked;

    public InboxKey Key { get; } = new(SlackPlatform.Name, request.DeliveryId ?? string.Empty);

    public DateTimeOffset ReceivedAt => receivedAt;

    /// <summary>An acknowledgement that cannot carry the answer goes as soon as the inbox has the delivery.</summary>
    public DateTimeOffset DeferAt => request.AnswersInAck ? receivedAt + services.AckBudget : receivedAt;

    public DateTimeOffset AckBy => receivedAt + AckWindow;

    public DateTimeOffset AnswerBy => receivedAt + ResponseUrlLifetime;

    public string? Locale => services.Profiles.Cached(_userId)?.Locale;

    public InboxEntry? Entry { get; init; } = new(SlackPlatform.Name, request.DeliveryId ?? string.Empty, request.Type, request.UserId ?? string.Empty, request.ToInboxPayload(), receivedAt);

    public bool Restored => restored;

    public async Task<Reply?> RunAsync(CancellationToken ct)
    {
        _outcome = (request.Type, request.PayloadType) switch
        {
            (SocketModeTypes.SlashCommands, _) when request.Command is { } command => await services.Slash.HandleAsync(command, receivedAt, ct),
            (SocketModeTypes.Interactive, InteractionPayload.BlockActions) => await services.Actions.HandleAsync(request.Interaction!, receivedAt, ct),
            (SocketModeTypes.Interactive, InteractionPayload.ViewSubmission) => await services.Views.HandleAsync(request.Interaction!, receivedAt, ct),
            _ => InboundOutcome.Nothing,
        };
        return _outcome.Reply;
    }

    public async Task AnswerNowAsync(Reply? reply, CancellationToken ct)
    {
        if (_outcome.AckPayload is not null && request.AnswersInAck)
        {
            await AckAsync(_outcome.AckPayload);
            await (_outcome.OnTime?.Invoke(ct) ?? Task.CompletedTask);
            return;
        }

        await AckAsync(null);
        await (_outcome.Late?.Invoke(ct) ?? Task.CompletedTask);
    }

    public Task DeferAsync(CancellationToken ct) => AckAsync(null);

    public async Task AnswerLaterAsync(Reply? reply, CancellationToken ct)
    {
        if (restored && _outcome.Late is null && reply is not null)
        {
            // Rebuilt from the inbox with its answer written by the runtime ("recorded before the restart").
            var channel = request.Command?.ChannelId ?? request.Interaction?.ChannelId;
            await services.Delivery.DeliverAsync(reply, _userId, channel, request.Command?.ResponseUrl ?? request.Interaction?.ResponseUrl, ct);
            return;
        }

        await (_outcome.Late?.Invoke(ct) ?? Task.CompletedTask);
    }

    public Task AnswerDirectlyAsync(Reply reply, CancellationToken ct) =>
        services.Delivery.DirectAsync(_userId, BlockKitRenderer.Render(reply with { Form = null }), ct);

    public Task AcknowledgeRepeatAsync(CancellationToken ct) => AckAsync(null);

    private Task AckAsync(AckPayload? payload) =>
        ack is not null && Interlocked.Exchange(ref _acked, 1) == 0 ? ack(payload) : Task.CompletedTask;
}

using System.Text.Json.Nodes;
using CohortBot.Core.Platform;
using CohortBot.Slack.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// The one path every delivery takes, from either transport: drop repeats, route by type, and
/// acknowledge exactly once within the ack budget — with the answer if it is ready and the
/// transport takes it, empty otherwise, with the answer following through the Web API.
/// </summary>
internal sealed partial class InboundProcessor(
    SlashCommandHandler slash,
    BlockActionHandler actions,
    ViewSubmissionHandler views,
    IInboundDeduplicator deduplicator,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<InboundProcessor> logger)
{
    public async Task ProcessAsync(InboundRequest request, Func<JsonObject?, Task> ack, CancellationToken ct)
    {
        var acked = 0;
        async Task AckOnce(JsonObject? payload)
        {
            if (Interlocked.Exchange(ref acked, 1) == 0)
            {
                await ack(payload);
            }
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["Platform"] = SlackPlatform.Name,
            ["Envelope"] = request.EnvelopeId,
            ["Kind"] = request.PayloadType ?? request.Type,
        });
        try
        {
            var budget = Task.Delay(options.Value.AckBudget, clock, ct);
            if (!await IsFirstDeliveryAsync(request, ct))
            {
                LogDuplicate(request.Type, request.EnvelopeId, request.RetryAttempt);
                await AckOnce(null);
                return;
            }

            var work = RouteAsync(request, ct);
            if (request.PayloadType is not ("view_submission" or null) || !request.AcceptsResponsePayload)
            {
                // Nothing the handler returns can ride on this acknowledgement: send it now.
                await AckOnce(null);
            }

            var first = await Task.WhenAny(work, budget);
            if (first != work)
            {
                LogSlow(request.PayloadType ?? request.Type, options.Value.AckBudget.TotalMilliseconds);
                await AckOnce(null);
            }

            var outcome = await work;
            if (outcome.AckPayload is not null && request.AcceptsResponsePayload && Volatile.Read(ref acked) == 0)
            {
                await AckOnce(outcome.AckPayload);
                await (outcome.OnTime?.Invoke(ct) ?? Task.CompletedTask);
                return;
            }

            await AckOnce(null);
            await (outcome.Late?.Invoke(ct) ?? Task.CompletedTask);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(ex, request.PayloadType ?? request.Type);
            await AckOnce(null);
        }
    }

    private Task<InboundOutcome> RouteAsync(InboundRequest request, CancellationToken ct) =>
        (request.Type, request.PayloadType) switch
        {
            ("slash_commands", _) => slash.HandleAsync(request.Payload, ct),
            ("interactive", "block_actions") => actions.HandleAsync(request.Payload, ct),
            ("interactive", "view_submission") => views.HandleAsync(request.Payload, ct),
            _ => Task.FromResult(InboundOutcome.Nothing),
        };

    /// <summary>
    /// A delivery is a repeat if its envelope or its trigger was seen before (Slack retries an
    /// envelope it thinks went unacknowledged, possibly on another connection).
    /// </summary>
    private async Task<bool> IsFirstDeliveryAsync(InboundRequest request, CancellationToken ct)
    {
        var first = true;
        if (request.EnvelopeId is { Length: > 0 } envelope)
        {
            first &= await deduplicator.TryBeginAsync(SlackPlatform.Name, "envelope:" + envelope, ct);
        }

        var delivery = request.TriggerId ?? (request.Payload["event_id"] as JsonValue)?.ToString();
        if (delivery is { Length: > 0 })
        {
            first &= await deduplicator.TryBeginAsync(SlackPlatform.Name, "delivery:" + delivery, ct);
        }

        return first;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped repeated Slack {Type} delivery (envelope {EnvelopeId}, retry {RetryAttempt})")]
    private partial void LogDuplicate(string type, string? envelopeId, int retryAttempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Kind} took longer than {BudgetMs} ms; acknowledged empty, answering later")]
    private partial void LogSlow(string kind, double budgetMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack {Kind} failed")]
    private partial void LogFailed(Exception ex, string kind);
}

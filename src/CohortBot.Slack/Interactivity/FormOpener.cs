using CohortBot.Core.Commands;
using CohortBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// Shows a reply's form as a modal. A trigger id lives 3 seconds and works once, so this runs as
/// soon as the reply exists, before any acknowledgement wait; when it fails the caller shows the
/// reply's text instead (it always says how to type the command). The attempt ends with the
/// trigger's life: a views.open waiting its turn in the rate limit past that could never succeed,
/// and in a rush it would hold one of the adapter's workers for minutes.
/// </summary>
internal sealed partial class FormOpener(SlackWebApi api, TimeProvider clock, ILogger<FormOpener> logger)
{
    /// <summary>How long Slack accepts a trigger id after the interaction that carried it.</summary>
    public static readonly TimeSpan TriggerLifetime = TimeSpan.FromSeconds(3);

    public async Task<bool> TryOpenAsync(Reply reply, string? triggerId, DateTimeOffset receivedAt, string? channelId, string? responseUrl, CancellationToken ct)
    {
        if (reply.Form is null || string.IsNullOrEmpty(triggerId))
        {
            return false;
        }

        var left = receivedAt + TriggerLifetime - clock.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            LogTriggerExpired();
            return false;
        }

        using var trigger = new CancellationTokenSource(left, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, trigger.Token);
        try
        {
            await api.OpenViewAsync(triggerId, ModalBuilder.Build(reply.Form, reply.Text, channelId, responseUrl), linked.Token);
            return true;
        }
        catch (SlackApiException ex)
        {
            LogNotOpened(ex, ex.Error);
            return false;
        }
        catch (OperationCanceledException) when (trigger.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            LogTriggerExpired();
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The trigger expired before views.open could run (its rate limit was spent); answering with text instead")]
    private partial void LogTriggerExpired();

    [LoggerMessage(Level = LogLevel.Warning, Message = "views.open failed ({Error}); answering with text instead")]
    private partial void LogNotOpened(Exception ex, string error);
}

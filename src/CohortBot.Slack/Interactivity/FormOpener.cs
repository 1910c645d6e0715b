using CohortBot.Core.Commands;
using CohortBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// Shows a reply's form as a modal. A trigger id lives 3 seconds and works once, so this runs as
/// soon as the reply exists, before any acknowledgement wait; when it fails the caller shows the
/// reply's text instead (it always says how to type the command).
/// </summary>
internal sealed partial class FormOpener(SlackWebApi api, ILogger<FormOpener> logger)
{
    public async Task<bool> TryOpenAsync(Reply reply, string? triggerId, string? channelId, string? responseUrl, CancellationToken ct)
    {
        if (reply.Form is null || string.IsNullOrEmpty(triggerId))
        {
            return false;
        }

        try
        {
            await api.OpenViewAsync(triggerId, ModalBuilder.Build(reply.Form, reply.Text, channelId, responseUrl), ct);
            return true;
        }
        catch (SlackApiException ex)
        {
            LogNotOpened(ex, ex.Error);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "views.open failed ({Error}); answering with text instead")]
    private partial void LogNotOpened(Exception ex, string error);
}

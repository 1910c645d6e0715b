using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Slack.Rendering;
using CohortBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// Gets an answer to the user after the acknowledgement: through the response_url when there is
/// one, else an ephemeral message in the channel, else a DM. Each fallback is logged, never silent.
/// </summary>
internal sealed partial class ReplyDelivery(SlackWebApi api, DirectChannels directs, ILogger<ReplyDelivery> logger)
{
    /// <summary>The body of a slash-command acknowledgement or response_url post.</summary>
    public static JsonObject ResponseBody(Reply reply, bool replaceOriginal = false)
    {
        var json = BlockKitRenderer.Render(reply).ToJson();
        json["response_type"] = reply.Ephemeral ? "ephemeral" : "in_channel";
        json["replace_original"] = replaceOriginal;
        return json;
    }

    public async Task DeliverAsync(Reply reply, string userId, string? channelId, string? responseUrl, CancellationToken ct)
    {
        if (Uri.TryCreate(responseUrl, UriKind.Absolute, out var url))
        {
            try
            {
                await api.PostToResponseUrlAsync(url, ResponseBody(reply), ct);
                return;
            }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
            {
                LogFallback(ex, "response_url", userId);
            }
        }

        var message = BlockKitRenderer.Render(reply);
        if (channelId is not null && reply.Ephemeral && !channelId.StartsWith('D'))
        {
            try
            {
                await api.PostEphemeralAsync(channelId, userId, message, ct);
                return;
            }
            catch (SlackApiException ex)
            {
                LogFallback(ex, "chat.postEphemeral", userId);
            }
        }

        await DirectAsync(userId, message, ct);
    }

    public async Task DirectAsync(string userId, SlackMessage message, CancellationToken ct) =>
        await api.PostMessageAsync(await directs.ForUserAsync(userId, ct), message, ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer {UserId} through {Path}; trying the next way")]
    private partial void LogFallback(Exception ex, string path, string userId);
}

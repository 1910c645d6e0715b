using System.Globalization;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Slack.Commands;
using CohortBot.Slack.Rendering;
using CohortBot.Slack.WebApi;
using CohortBot.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace CohortBot.Slack.Interactivity;

/// <summary>
/// Gets an answer to the user after the acknowledgement: through the response_url when there is
/// one, else an ephemeral message in the channel, else a DM. Each fallback is logged, never silent.
/// Files cannot be ephemeral, so a reply's files are uploaded to the user's DM and the reply says so.
/// </summary>
internal sealed partial class ReplyDelivery(
    SlackWebApi api,
    DirectChannels directs,
    FileUploader uploader,
    SlackProfiles users,
    ReaderTexts readers,
    ILogger<ReplyDelivery> logger)
{
    /// <summary>The body of a slash-command acknowledgement or response_url post.</summary>
    public static ResponseMessage ResponseBody(Reply reply, bool replaceOriginal = false)
    {
        var message = BlockKitRenderer.Render(reply);
        return new ResponseMessage(message.Text, message.BlocksOrNull, reply.Ephemeral ? ResponseMessage.Ephemeral : ResponseMessage.InChannel, replaceOriginal);
    }

    /// <summary>
    /// The reply as the user sees it in the channel: when it carries files, with a note that they
    /// went to the DM (and which ones were too large to send). Files stay on the reply.
    /// </summary>
    public async Task<Reply> ShownAsync(Reply reply, string userId, CancellationToken ct)
    {
        if (reply.Files.Count == 0)
        {
            return reply;
        }

        var t = await TextsAsync(userId, ct);
        var notes = new List<string>();
        var sent = reply.Files.Where(uploader.Fits).Select(f => f.FileName).ToList();
        if (sent.Count > 0)
        {
            notes.Add(t["reply.files_sent_dm", new { files = string.Join(", ", sent) }]);
        }

        var large = reply.Files.Where(f => f.Content.LongLength > uploader.Limit).Select(f => f.FileName).ToList();
        if (large.Count > 0)
        {
            var limit = (uploader.Limit / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
            notes.Add(t["reply.files_too_large", new { files = string.Join(", ", large), limit }]);
        }

        return notes.Count == 0 ? reply : reply with { Text = reply.Text + "\n\n" + string.Join("\n", notes) };
    }

    /// <summary>Delivers the reply (with its file note) and then uploads its files to the user's DM.</summary>
    public async Task DeliverAsync(Reply reply, string userId, string? channelId, string? responseUrl, CancellationToken ct)
    {
        await DeliverMessageAsync(await ShownAsync(reply, userId, ct), userId, channelId, responseUrl, ct);
        await SendFilesAsync(reply, userId, ct);
    }

    /// <summary>
    /// Uploads the reply's files to the user's DM, with the reply's own text as the comment. A
    /// failure is logged and the user is told in the DM which files did not arrive.
    /// </summary>
    public async Task SendFilesAsync(Reply reply, string userId, CancellationToken ct)
    {
        if (!reply.Files.Any(uploader.Fits))
        {
            return;
        }

        try
        {
            var channel = await directs.ForUserAsync(userId, ct);
            await uploader.UploadAsync(channel, reply.Files, BlockKitRenderer.Fallback(reply), ct);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogFilesFailed(ex, reply.Files.Count, userId);
            try
            {
                var t = await TextsAsync(userId, ct);
                var failed = Reply.Error(t["reply.files_failed", new { files = string.Join(", ", reply.Files.Where(uploader.Fits).Select(f => f.FileName)) }]);
                await DirectAsync(userId, BlockKitRenderer.Render(failed), ct);
            }
            catch (Exception notice) when (notice is SlackApiException or HttpRequestException)
            {
                LogFallback(notice, "a DM about the failed upload", userId);
            }
        }
    }

    public async Task DirectAsync(string userId, SlackMessage message, CancellationToken ct) =>
        await api.PostMessageAsync(await directs.ForUserAsync(userId, ct), message, ct);

    private async Task DeliverMessageAsync(Reply reply, string userId, string? channelId, string? responseUrl, CancellationToken ct)
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

    private async Task<Texts> TextsAsync(string userId, CancellationToken ct) =>
        await readers.ForAsync(users.Resolve(userId, null), ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer {UserId} through {Path}; trying the next way")]
    private partial void LogFallback(Exception ex, string path, string userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Uploading {Count} file(s) to the DM of {UserId} failed")]
    private partial void LogFilesFailed(Exception ex, int count, string userId);
}

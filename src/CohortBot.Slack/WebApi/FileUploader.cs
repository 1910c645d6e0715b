using CohortBot.Core.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.WebApi;

/// <summary>
/// Shares a reply's files in a channel with Slack's external upload flow:
/// files.getUploadURLExternal per file, the bytes POSTed to its upload_url, then one
/// files.completeUploadExternal for all of them. Files over <see cref="SlackOptions.MaxUploadBytes"/>
/// and empty files (Slack refuses a length of 0) are left out and logged.
/// </summary>
internal sealed partial class FileUploader(SlackWebApi api, IOptions<SlackOptions> options, ILogger<FileUploader> logger)
{
    public long Limit => options.Value.MaxUploadBytes;

    /// <summary>Whether the file will be uploaded: not empty, and within the limit.</summary>
    public bool Fits(ReplyFile file) => file.Content.Length > 0 && file.Content.LongLength <= Limit;

    /// <summary>Uploads the files that fit and shares them in <paramref name="channel"/>; returns how many were shared.</summary>
    public async Task<int> UploadAsync(string channel, IReadOnlyList<ReplyFile> files, string? initialComment, CancellationToken ct)
    {
        var uploaded = new List<(string Id, string Title)>();
        foreach (var file in files)
        {
            if (!Fits(file))
            {
                LogSkipped(file.FileName, file.Content.LongLength, Limit);
                continue;
            }

            var ticket = await api.GetUploadUrlAsync(file.FileName, file.Content.LongLength, ct);
            await api.UploadAsync(ticket, file.Content, file.ContentType, ct);
            uploaded.Add((ticket.FileId, file.FileName));
        }

        if (uploaded.Count > 0)
        {
            await api.CompleteUploadAsync(channel, uploaded, initialComment, ct);
            LogShared(uploaded.Count, channel);
        }

        return uploaded.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not uploading {FileName} to Slack: {Bytes} bytes (limit {Limit}; empty files are refused too)")]
    private partial void LogSkipped(string fileName, long bytes, long limit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shared {Count} file(s) in Slack channel {Channel}")]
    private partial void LogShared(int count, string channel);
}

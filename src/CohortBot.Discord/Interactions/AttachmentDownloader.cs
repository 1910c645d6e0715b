using CohortBot.Core.Commands;
using CohortBot.Core.Submissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Interactions;

/// <summary>
/// Fetches an attachment from Discord's CDN as soon as the interaction arrives (the signed URLs
/// expire), after checking the size Discord declares. The core then checks type and size again.
/// </summary>
public sealed partial class AttachmentDownloader(IHttpClientFactory httpClients, IOptions<ProofOptions> proofs, ILogger<AttachmentDownloader> logger)
{
    public const string HttpClientName = "discord-cdn";

    public async Task<InvocationAttachment> DownloadAsync(string url, string fileName, long declaredSize, CancellationToken ct)
    {
        var max = proofs.Value.MaxImageBytes;
        if (declaredSize > max)
        {
            // The core refuses it by the declared size before opening; there is no point fetching it.
            return new InvocationAttachment(fileName, declaredSize, _ => throw new IOException("Not downloaded: larger than allowed."));
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return Unreadable(fileName, declaredSize);
        }

        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length <= max && (read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            var content = buffer.ToArray();
            return new InvocationAttachment(fileName, Math.Max(declaredSize, content.LongLength), _ => Task.FromResult<Stream>(new MemoryStream(content, writable: false)));
        }
        catch (HttpRequestException ex)
        {
            LogDownloadFailed(ex.Message);
            return Unreadable(fileName, declaredSize);
        }
    }

    private static InvocationAttachment Unreadable(string fileName, long size) =>
        new(fileName, size, _ => throw new IOException("The attachment could not be downloaded."));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attachment download failed: {Error}")]
    private partial void LogDownloadFailed(string error);
}

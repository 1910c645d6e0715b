using CohortBot.Core.Commands;
using CohortBot.Core.Concurrency;
using CohortBot.Core.Fetching;
using CohortBot.Core.Submissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Interactions;

/// <summary>
/// Fetches an attachment from Discord's CDN as soon as the interaction arrives (the signed URLs
/// expire), after checking the size Discord declares. Only Discord's file hosts are fetched from
/// (<c>Discord:Attachments</c>); anything else becomes an unreadable attachment, which the core
/// answers politely. The core then checks type and size again.
/// </summary>
public sealed partial class AttachmentDownloader(
    IHttpClientFactory httpClients,
    IOptions<ProofOptions> proofs,
    IOptions<DiscordOptions> discord,
    ILogger<AttachmentDownloader> logger)
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

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return Unreadable(fileName, declaredSize);
        }

        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await GuardedHttp.GetAsync(client, uri, discord.Value.Attachments.Policy(), null, ct);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            // Spooled to a temporary file, not memory; one byte over the limit is enough for the core to refuse it.
            return await AttachmentSpool.SpoolAsync(fileName, declaredSize, file => BoundedRead.CopyAtMostAsync(stream, file, max + 1, ct));
        }
        catch (HttpRequestException ex) when (ex is FetchRefusedException || ex.InnerException is FetchRefusedException)
        {
            LogRefused(GuardedHttp.Describe(uri), (ex as FetchRefusedException ?? (FetchRefusedException)ex.InnerException!).Message);
            return Unreadable(fileName, declaredSize);
        }
        catch (HttpRequestException ex)
        {
            LogDownloadFailed(GuardedHttp.Describe(uri), ex.HttpRequestError.ToString(), (int?)ex.StatusCode);
            return Unreadable(fileName, declaredSize);
        }
        catch (IOException ex)
        {
            LogDownloadFailed(GuardedHttp.Describe(uri), ex.GetType().Name, null);
            return Unreadable(fileName, declaredSize);
        }
    }

    private static InvocationAttachment Unreadable(string fileName, long size) =>
        new(fileName, size, _ => throw new IOException("The attachment could not be downloaded."));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attachment from {Origin} refused: {Reason}")]
    private partial void LogRefused(string origin, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attachment download from {Origin} failed: {Error} (HTTP {Status})")]
    private partial void LogDownloadFailed(string origin, string error, int? status);
}

namespace CohortBot.Core.Commands;

/// <summary>
/// Where an adapter puts a platform file it downloads before dispatch (chat CDN links expire): a
/// temporary file that deletes itself when closed, handed to the command as a stream, so an image
/// never sits in memory as one large array. The intake reads it once and closes it; a command that
/// never opens it (refused earlier) leaves it to be closed and deleted when it is collected.
/// </summary>
public static class AttachmentSpool
{
    /// <summary>Fills a new spool file with <paramref name="fill"/> and hands it over as an attachment.</summary>
    public static async Task<InvocationAttachment> SpoolAsync(string fileName, long declaredSize, Func<Stream, Task> fill)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cohortbot-attachments");
        Directory.CreateDirectory(folder);
        var file = new FileStream(
            Path.Combine(folder, Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 0, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await fill(file);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        var handedOver = 0;
        return new InvocationAttachment(fileName, Math.Max(declaredSize, file.Length), _ =>
            Interlocked.Exchange(ref handedOver, 1) == 0
                ? Task.FromResult<Stream>(file)
                : throw new IOException("The attachment was already read."));
    }
}

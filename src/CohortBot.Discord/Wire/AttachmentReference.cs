namespace CohortBot.Discord.Wire;

/// <summary>
/// Names the multipart part <c>files[n]</c> in <c>payload_json</c>'s <c>attachments</c>: its
/// <see cref="Id"/> is <c>n</c>, written as a snowflake string as the OpenAPI description requires.
/// </summary>
public sealed record AttachmentReference(string Id, string Filename)
{
    public static AttachmentReference ForPart(int index, string filename) => new(index.ToString(System.Globalization.CultureInfo.InvariantCulture), filename);
}

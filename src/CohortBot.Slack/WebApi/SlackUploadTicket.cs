namespace CohortBot.Slack.WebApi;

/// <summary>
/// What files.getUploadURLExternal hands out: where to POST the bytes and the file id to complete.
/// The upload URL is a credential of its own, so <see cref="ToString"/> leaves it out.
/// </summary>
internal sealed record SlackUploadTicket(Uri UploadUrl, string FileId)
{
    public override string ToString() => "SlackUploadTicket { FileId = " + FileId + " }";
}

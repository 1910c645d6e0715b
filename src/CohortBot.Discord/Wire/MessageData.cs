namespace CohortBot.Discord.Wire;

/// <summary>
/// A message body: <c>POST /channels/{id}/messages</c>, the webhook edit of <c>@original</c>, and
/// the data of callback types 4 and 5. A create carries <see cref="Nonce"/> with
/// <see cref="EnforceNonce"/>, so Discord answers a repeat with the message it already made.
/// With files, <see cref="Attachments"/> names them and this goes as multipart <c>payload_json</c>.
/// </summary>
public sealed record MessageData
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }

    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }
}

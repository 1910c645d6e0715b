namespace CohortBot.Slack.Wire;

/// <summary>
/// A message in answer to a command or an action: the slash-command acknowledgement's payload, or
/// the body POSTed to a <c>response_url</c>. <see cref="ResponseType"/> is <c>ephemeral</c> or <c>in_channel</c>.
/// </summary>
public sealed record ResponseMessage(string Text, IReadOnlyList<Block>? Blocks, string ResponseType, bool ReplaceOriginal) : AckPayload
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";
}

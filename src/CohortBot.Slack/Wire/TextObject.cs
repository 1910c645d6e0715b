namespace CohortBot.Slack.Wire;

/// <summary>A Block Kit text object: <c>plain_text</c> (with <see cref="Emoji"/>) or <c>mrkdwn</c>.</summary>
public sealed record TextObject(string Type, string Text, bool? Emoji)
{
    public static TextObject Plain(string text) => new("plain_text", text, true);

    public static TextObject Mrkdwn(string text) => new("mrkdwn", text, null);
}

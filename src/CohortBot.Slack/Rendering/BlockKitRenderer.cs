using CohortBot.Core.Commands;
using CohortBot.Slack.Wire;

namespace CohortBot.Slack.Rendering;

/// <summary>
/// The neutral reply as Block Kit: a header for the title, mrkdwn sections for the text, field
/// sections (ten fields each), one actions block per 25 buttons, within Slack's block limits.
/// </summary>
internal static class BlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxFieldText = 2000;
    public const int MaxFieldsPerSection = 10;
    public const int MaxHeaderText = 150;
    public const int MaxButtonText = 75;
    public const int MaxButtonsPerBlock = 25;
    public const int MaxActionId = 255;
    public const int MaxFallbackText = 3000;

    public static SlackMessage Render(Reply reply)
    {
        var blocks = new List<Block>();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            blocks.Add(new HeaderBlock(PlainText(SlackText.Plain(reply.Title, MaxHeaderText))));
        }

        foreach (var chunk in Chunks(Emoji(reply.Tone) + reply.Text, MaxSectionText - 1))
        {
            blocks.Add(new SectionBlock(TextObject.Mrkdwn(SlackText.Mrkdwn(chunk, MaxSectionText)), null));
        }

        var fields = reply.Fields
            .Select(f => TextObject.Mrkdwn(SlackText.Mrkdwn($"*{Bold(f.Name)}*\n", MaxFieldText / 2) + SlackText.Mrkdwn(f.Value, MaxFieldText / 2)))
            .ToList();
        var actions = Actions(reply.Buttons);
        // Files are uploaded beside the message (FileUploader), not listed in it.
        ContextBlock? context = null;

        var room = MaxBlocks - blocks.Count - actions.Count;
        var fieldBlocks = fields.Chunk(MaxFieldsPerSection).Select(c => new SectionBlock(null, c)).ToList();
        if (fieldBlocks.Count > room)
        {
            fieldBlocks = fieldBlocks.Take(Math.Max(0, room - 1)).ToList();
            context = new ContextBlock([TextObject.Mrkdwn(SlackText.Mrkdwn("…", MaxSectionText))]);
        }

        blocks.AddRange(fieldBlocks);
        blocks.AddRange(actions);
        if (context is not null)
        {
            blocks.Add(context);
        }

        return new SlackMessage(Fallback(reply), [.. blocks.Take(MaxBlocks)], reply.Ephemeral);
    }

    /// <summary>The notification text: title and text as plain text, for clients that show no blocks.</summary>
    public static string Fallback(Reply reply) =>
        SlackText.Plain(string.IsNullOrWhiteSpace(reply.Title) ? reply.Text : reply.Title + ": " + reply.Text, MaxFallbackText);

    public static TextObject PlainText(string text) => TextObject.Plain(text);

    private static string Bold(string name) => name.Replace("*", string.Empty, StringComparison.Ordinal);

    private static string Emoji(ReplyTone tone) => tone switch
    {
        ReplyTone.Success => ":white_check_mark: ",
        ReplyTone.Warning => ":warning: ",
        ReplyTone.Error => ":x: ",
        _ => string.Empty,
    };

    private static List<ActionsBlock> Actions(IReadOnlyList<ReplyButton> buttons)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var elements = new List<ButtonElement>();
        foreach (var b in buttons)
        {
            // action_id must be unique in a message; a repeated action would do the same thing anyway.
            if (b.Action.Length > MaxActionId || !seen.Add(b.Action))
            {
                continue;
            }

            var style = b.Style switch
            {
                ButtonStyle.Primary or ButtonStyle.Success => "primary",
                ButtonStyle.Danger => "danger",
                _ => null,
            };
            elements.Add(new ButtonElement(PlainText(SlackText.Plain(b.Label, MaxButtonText)), b.Action, b.Action, style));
        }

        return elements.Chunk(MaxButtonsPerBlock).Select(c => new ActionsBlock(c)).ToList();
    }

    /// <summary>Splits long text at line breaks where possible, so each section stays under the limit once escaped.</summary>
    private static IEnumerable<string> Chunks(string text, int size)
    {
        // Escaping can grow text up to 5x (& → &amp;); sizing chunks on the raw text by a fifth keeps them safe.
        var budget = Math.Max(1, size / 5);
        if (text.Length <= budget || SlackText.Mrkdwn(text, int.MaxValue).Length <= size)
        {
            yield return text;
            yield break;
        }

        var rest = text;
        while (rest.Length > 0)
        {
            var take = Math.Min(budget * 4, rest.Length);
            while (take > budget && SlackText.Mrkdwn(rest[..take], int.MaxValue).Length > size)
            {
                take = Math.Max(budget, take * 3 / 4);
            }

            var newline = rest.LastIndexOf('\n', take - 1);
            if (take < rest.Length && newline > take / 2)
            {
                take = newline + 1;
            }

            // Never inside a character (a surrogate pair, a Hangul syllable, an emoji sequence).
            var safe = SlackText.SafeCut(rest, take);
            take = safe > 0 ? safe : take;
            yield return rest[..take];
            rest = rest[take..];
        }
    }
}

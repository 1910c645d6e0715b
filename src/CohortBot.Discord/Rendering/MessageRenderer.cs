using System.Text.Json.Nodes;
using CohortBot.Core.Commands;

namespace CohortBot.Discord.Rendering;

/// <summary>
/// Renders a neutral <see cref="Reply"/> as one Discord message: a single embed plus action rows of
/// buttons, with every documented limit enforced here so Discord never answers 50035.
/// Mentions are always off: reply text can echo user input, and a bot must never ping @everyone.
/// </summary>
public static class MessageRenderer
{
    public const int TitleMax = 256;
    public const int DescriptionMax = 4096;
    public const int FieldsMax = 25;
    public const int FieldNameMax = 256;
    public const int FieldValueMax = 1024;
    public const int EmbedTotalMax = 6000;
    public const int ButtonsPerRow = 5;
    public const int RowsMax = 5;
    public const int ButtonLabelMax = 80;
    public const int EphemeralFlag = 1 << 6;

    /// <summary>The message object: for interaction callbacks and webhooks set <paramref name="allowEphemeral"/>.</summary>
    public static JsonObject Render(Reply reply, bool allowEphemeral)
    {
        var message = new JsonObject
        {
            ["embeds"] = new JsonArray(Embed(reply)),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
            ["components"] = Components(reply.Buttons),
        };
        if (allowEphemeral && reply.Ephemeral)
        {
            message["flags"] = EphemeralFlag;
        }

        return message;
    }

    internal static JsonObject Embed(Reply reply)
    {
        var budget = EmbedTotalMax;
        var embed = new JsonObject { ["color"] = Colour(reply.Tone) };
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            var title = DiscordText.Truncate(DiscordText.RenderTimes(reply.Title), TitleMax);
            embed["title"] = title;
            budget -= title.Length;
        }

        var description = DiscordText.Truncate(DiscordText.RenderTimes(reply.Text), Math.Min(DescriptionMax, budget));
        embed["description"] = DiscordText.NonEmpty(description);
        budget -= description.Length;

        var fields = new JsonArray();
        foreach (var field in reply.Fields.Take(FieldsMax))
        {
            var name = DiscordText.NonEmpty(DiscordText.Truncate(DiscordText.RenderTimes(field.Name), FieldNameMax));
            var value = DiscordText.NonEmpty(DiscordText.Truncate(DiscordText.RenderTimes(field.Value), FieldValueMax));
            if (name.Length + value.Length > budget)
            {
                // The 6000-character total counts every embed part; the rest would be refused whole.
                break;
            }

            budget -= name.Length + value.Length;
            fields.Add(new JsonObject { ["name"] = name, ["value"] = value, ["inline"] = field.Inline });
        }

        if (fields.Count > 0)
        {
            embed["fields"] = fields;
        }

        return embed;
    }

    internal static JsonArray Components(IReadOnlyList<ReplyButton> buttons)
    {
        var rows = new JsonArray();
        var usable = buttons.Where(b => b.Action.Length is > 0 and <= ButtonAction.MaxLength).Take(ButtonsPerRow * RowsMax).ToList();
        foreach (var chunk in usable.Chunk(ButtonsPerRow))
        {
            var row = new JsonArray();
            foreach (var button in chunk)
            {
                row.Add(new JsonObject
                {
                    ["type"] = 2,
                    ["style"] = Style(button.Style),
                    ["label"] = DiscordText.Truncate(DiscordText.NonEmpty(button.Label), ButtonLabelMax),
                    ["custom_id"] = button.Action,
                });
            }

            rows.Add(new JsonObject { ["type"] = 1, ["components"] = row });
        }

        return rows;
    }

    private static int Style(ButtonStyle style) => style switch
    {
        ButtonStyle.Primary => 1,
        ButtonStyle.Success => 3,
        ButtonStyle.Danger => 4,
        _ => 2,
    };

    private static int Colour(ReplyTone tone) => tone switch
    {
        ReplyTone.Success => 0x57F287,
        ReplyTone.Warning => 0xFEE75C,
        ReplyTone.Error => 0xED4245,
        _ => 0x5865F2,
    };
}

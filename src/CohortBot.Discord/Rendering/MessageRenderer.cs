using CohortBot.Core.Commands;
using CohortBot.Discord.Wire;

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
    public const int EphemeralFlag = (int)MessageFlags.Ephemeral;

    /// <summary>The message: for interaction callbacks and webhooks set <paramref name="allowEphemeral"/>.</summary>
    public static MessageData Render(Reply reply, bool allowEphemeral) => new()
    {
        Embeds = [Embed(reply)],
        AllowedMentions = AllowedMentions.None,
        Components = Components(reply.Buttons),
        Flags = allowEphemeral && reply.Ephemeral ? MessageFlags.Ephemeral : null,
    };

    /// <summary>A deferral's data: only the ephemeral flag is allowed on it.</summary>
    public static MessageData Deferral(bool ephemeral) => new() { Flags = ephemeral ? MessageFlags.Ephemeral : null };

    internal static Embed Embed(Reply reply)
    {
        var budget = EmbedTotalMax;
        string? title = null;
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            title = DiscordText.Truncate(DiscordText.RenderTimes(reply.Title), TitleMax);
            budget -= title.Length;
        }

        var description = DiscordText.Truncate(DiscordText.RenderTimes(reply.Text), Math.Min(DescriptionMax, budget));
        budget -= description.Length;

        var fields = new List<EmbedField>();
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
            fields.Add(new EmbedField(name, value, field.Inline));
        }

        return new Embed(title, DiscordText.NonEmpty(description), Colour(reply.Tone), fields.Count > 0 ? fields : null);
    }

    internal static IReadOnlyList<Component> Components(IReadOnlyList<ReplyButton> buttons) =>
        buttons.Where(b => b.Action.Length is > 0 and <= ButtonAction.MaxLength)
            .Take(ButtonsPerRow * RowsMax)
            .Chunk(ButtonsPerRow)
            .Select(chunk => Component.Row([.. chunk.Select(Button)]))
            .ToList();

    private static Component Button(ReplyButton button) => new()
    {
        Type = ComponentType.Button,
        Style = (int)Style(button.Style),
        Label = DiscordText.Truncate(DiscordText.NonEmpty(button.Label), ButtonLabelMax),
        CustomId = button.Action,
    };

    private static ButtonStyleCode Style(ButtonStyle style) => style switch
    {
        ButtonStyle.Primary => ButtonStyleCode.Primary,
        ButtonStyle.Success => ButtonStyleCode.Success,
        ButtonStyle.Danger => ButtonStyleCode.Danger,
        _ => ButtonStyleCode.Secondary,
    };

    private static int Colour(ReplyTone tone) => tone switch
    {
        ReplyTone.Success => 0x57F287,
        ReplyTone.Warning => 0xFEE75C,
        ReplyTone.Error => 0xED4245,
        _ => 0x5865F2,
    };
}

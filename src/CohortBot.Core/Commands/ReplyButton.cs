namespace CohortBot.Core.Commands;

/// <summary>A button the user can press; pressing it runs <see cref="Action"/> as an invocation.</summary>
/// <param name="Label">Visible text (kept short: Discord allows 80 characters).</param>
/// <param name="Action">An encoded <see cref="ButtonAction"/>; at most 100 characters.</param>
/// <param name="Style">Visual weight.</param>
public sealed record ReplyButton(string Label, string Action, ButtonStyle Style = ButtonStyle.Secondary);

public enum ButtonStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}

namespace CohortBot.Slack.Wire;

/// <summary>A modal for views.open: title ≤ 24, <see cref="PrivateMetadata"/> ≤ 3000 characters.</summary>
public sealed record ModalView(string CallbackId, TextObject Title, TextObject Submit, TextObject Close, string PrivateMetadata, IReadOnlyList<Block> Blocks)
{
    public string Type => "modal";
}

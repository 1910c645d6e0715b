namespace CohortBot.Discord.Wire;

/// <summary>Callback type 9's data: custom id 1–100, title ≤ 45, 1–5 rows.</summary>
public sealed record ModalData(string CustomId, string Title, IReadOnlyList<Component> Components);

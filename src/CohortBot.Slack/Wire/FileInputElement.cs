namespace CohortBot.Slack.Wire;

public sealed record FileInputElement(string ActionId, IReadOnlyList<string> Filetypes, int MaxFiles) : InputElement(ViewStateValue.FileInput, ActionId);

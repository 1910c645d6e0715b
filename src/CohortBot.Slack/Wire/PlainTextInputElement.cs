namespace CohortBot.Slack.Wire;

public sealed record PlainTextInputElement(string ActionId, bool Multiline, int MaxLength) : InputElement(ViewStateValue.PlainTextInput, ActionId);

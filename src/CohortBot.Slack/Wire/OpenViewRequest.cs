namespace CohortBot.Slack.Wire;

/// <summary>views.open: a trigger lives 3 seconds and opens one view.</summary>
public sealed record OpenViewRequest(string TriggerId, ModalView View);

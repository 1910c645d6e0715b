namespace CohortBot.Slack.Wire;

public sealed record UploadedFile(string Id, string Title);

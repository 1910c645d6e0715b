namespace CohortBot.Slack.WebApi;

/// <summary>What files.info tells about an uploaded file.</summary>
internal sealed record SlackFile(string Id, string Name, long Size, Uri DownloadUrl);

namespace CohortBot.Slack.Wire;

public sealed record FilesInfoRequest(string File)
{
    public Dictionary<string, string> ToForm() => new() { ["file"] = File };
}

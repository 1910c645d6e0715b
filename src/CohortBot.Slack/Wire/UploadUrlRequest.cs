using System.Globalization;

namespace CohortBot.Slack.Wire;

/// <summary>files.getUploadURLExternal: step 1 of an upload, for a file of <see cref="Length"/> bytes.</summary>
public sealed record UploadUrlRequest(string Filename, long Length)
{
    public Dictionary<string, string> ToForm() => new() { ["filename"] = Filename, ["length"] = Length.ToString(CultureInfo.InvariantCulture) };
}

namespace CohortBot.Slack.Wire;

/// <summary>users.info takes a form (an older copy of the docs says it takes no JSON body).</summary>
public sealed record UsersInfoRequest(string User, bool IncludeLocale)
{
    public Dictionary<string, string> ToForm() => new() { ["user"] = User, ["include_locale"] = IncludeLocale ? "true" : "false" };
}

namespace CohortBot.Discord.Rest;

/// <summary>
/// The rate-limit identity of a request: a route template (ids replaced) and its major parameter
/// (channel, guild, or webhook id + token). Discord limits per bucket and major parameter, so two
/// channels never wait for each other.
/// </summary>
public sealed record RateLimitRoute(string Template, string Major)
{
    public static RateLimitRoute For(HttpMethod method, string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        var major = string.Empty;
        var template = new List<string>(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : string.Empty;
            if (previous is "channels" or "guilds" && i == 1)
            {
                major = previous + "/" + segment;
                template.Add(segment);
            }
            else if (previous is "webhooks" or "interactions" && i == 1 && i + 1 < segments.Length)
            {
                // The token after the id is part of the webhook's identity, and a credential: keep it out of templates.
                major = previous + "/" + segment + "/" + segments[i + 1];
                template.Add(":id");
                template.Add(":token");
                i++;
            }
            else
            {
                template.Add(segment.Length > 0 && segment.All(char.IsAsciiDigit) ? ":id" : segment);
            }
        }

        return new RateLimitRoute(method.Method + " /" + string.Join('/', template), major);
    }

    /// <summary>Interaction responses and webhooks are exempt from the global limit.</summary>
    public bool IsGloballyLimited => !(Major.StartsWith("webhooks/", StringComparison.Ordinal) || Major.StartsWith("interactions/", StringComparison.Ordinal));

    /// <summary>
    /// An interaction's one callback: its bucket is its own and used once, so it is neither tracked
    /// nor waited on — a callback never queues behind another interaction's.
    /// </summary>
    public bool IsInteractionCallback => Major.StartsWith("interactions/", StringComparison.Ordinal);

    /// <summary>A loggable form: the webhook token is never shown.</summary>
    public string Display => Template;
}

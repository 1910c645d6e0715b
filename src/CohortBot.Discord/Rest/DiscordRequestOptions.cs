namespace CohortBot.Discord.Rest;

/// <summary>What <see cref="DiscordRestClient"/> tells the pipeline's steps about a request.</summary>
internal static class DiscordRequestOptions
{
    /// <summary>The rate-limit identity: route template and major parameter.</summary>
    public static readonly HttpRequestOptionsKey<RateLimitRoute> Route = new("discord.route");

    /// <summary>Whether the request may be sent again when the fate of an attempt is unknown (<see cref="RequestIdempotency"/>).</summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("discord.repeatable");

    public static RateLimitRoute RouteOf(HttpRequestMessage request, string apiBase) =>
        request.Options.TryGetValue(Route, out var route) ? route
        : RateLimitRoute.For(request.Method, request.RequestUri!.AbsolutePath[Math.Min(new Uri(apiBase).AbsolutePath.TrimEnd('/').Length, request.RequestUri.AbsolutePath.Length)..]);
}

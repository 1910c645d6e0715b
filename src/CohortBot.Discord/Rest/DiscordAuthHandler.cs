using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Rest;

/// <summary>The first step of the pipeline: the bot token and the User-Agent Discord asks for (else Cloudflare may block).</summary>
internal sealed class DiscordAuthHandler(IOptions<DiscordOptions> options) : DelegatingHandler
{
    public const string UserAgent = "DiscordBot (https://github.com/cohortbot/cohortbot, 1.0)";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.ParseAdd(UserAgent);
        return base.SendAsync(request, cancellationToken);
    }
}

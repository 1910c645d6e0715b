using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.WebApi;

/// <summary>The first step of the Web API pipeline: the bearer token in the header, never in a body or a log.</summary>
internal sealed class SlackAuthHandler(IOptions<SlackOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var token = request.Options.TryGetValue(SlackRequestOptions.AppToken, out var app) && app
            ? o.AppToken ?? throw new InvalidOperationException("Slack:AppToken is not set.")
            : o.BotToken ?? throw new InvalidOperationException("Slack:BotToken is not set.");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}

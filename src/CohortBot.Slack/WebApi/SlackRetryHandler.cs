using CohortBot.Core.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.WebApi;

/// <summary>
/// Sends a call again after a 5xx or a network error, with <see cref="BackoffPolicy.Requests"/>,
/// up to <see cref="SlackOptions.ServerErrorRetries"/> times, when <see cref="SlackIdempotency"/>
/// says a repeat is harmless or the request certainly never left.
/// </summary>
internal sealed partial class SlackRetryHandler(IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackRetryHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = SlackRequestOptions.MethodOf(request);
        var repeatable = SlackIdempotency.IsRepeatable(method);
        var retries = options.Value.ServerErrorRetries;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if ((!repeatable && !SlackIdempotency.NeverSent(ex)) || attempt > retries)
                {
                    throw;
                }

                LogRetry(method, ex.GetType().Name, attempt);
                await Task.Delay(BackoffPolicy.Requests.Delay(attempt), clock, cancellationToken);
                continue;
            }

            if ((int)response.StatusCode >= 500 && repeatable && attempt <= retries)
            {
                LogRetry(method, "http_" + (int)response.StatusCode, attempt);
                response.Dispose();
                await Task.Delay(BackoffPolicy.Requests.Delay(attempt), clock, cancellationToken);
                continue;
            }

            return response;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed ({Error}); retry {Attempt}")]
    private partial void LogRetry(string method, string error, int attempt);
}

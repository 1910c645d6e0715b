using CohortBot.Core.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Rest;

/// <summary>
/// Sends a request again after a 5xx or a network error, with <see cref="BackoffPolicy.Requests"/>,
/// up to <see cref="DiscordOptions.ServerErrorRetries"/> times — but only when
/// <see cref="RequestIdempotency"/> says a repeat is harmless, or the request certainly never left.
/// Anything else is sent once and its failure reported: Discord may have acted on it.
/// </summary>
internal sealed partial class DiscordRetryHandler(IOptions<DiscordOptions> options, TimeProvider clock, ILogger<DiscordRetryHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = DiscordRequestOptions.RouteOf(request, options.Value.ApiBaseUrl);
        var repeatable = request.Options.TryGetValue(DiscordRequestOptions.Repeatable, out var r) ? r : request.Method == HttpMethod.Get;
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
                if (!repeatable && !RequestIdempotency.NeverSent(ex))
                {
                    // Discord may have acted on it; sending it again could, e.g., post a message twice.
                    LogNotRepeated(route.Display, ex.GetType().Name);
                    throw;
                }

                if (attempt > retries)
                {
                    throw;
                }

                LogNetworkRetry(route.Display, attempt, ex.Message);
                await Task.Delay(BackoffPolicy.Requests.Delay(attempt), clock, cancellationToken);
                continue;
            }

            if ((int)response.StatusCode >= 500 && repeatable && attempt <= retries)
            {
                LogServerErrorRetry(route.Display, (int)response.StatusCode, attempt);
                response.Dispose();
                await Task.Delay(BackoffPolicy.Requests.Delay(attempt), clock, cancellationToken);
                continue;
            }

            return response;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord answered {Status} to {Route}; retry {Attempt}")]
    private partial void LogServerErrorRetry(string route, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request to {Route} failed ({Error}) and is not sent again: Discord may have acted on it")]
    private partial void LogNotRepeated(string route, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request to {Route} failed ({Error}); retry {Attempt}")]
    private partial void LogNetworkRetry(string route, int attempt, string error);
}

namespace CohortBot.Core.Resilience;

/// <summary>
/// The timeout of one attempt, on the injected clock (HttpClient's own timeout runs on the real
/// clock and covers every retry together). A timed-out attempt ends like HttpClient's: a
/// <see cref="TaskCanceledException"/> whose inner exception is a <see cref="TimeoutException"/>,
/// while the caller's token is not cancelled — which is how retry steps tell the two apart.
/// </summary>
public sealed class ClockTimeoutHandler(Func<TimeSpan> timeout, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var expiry = new CancellationTokenSource(timeout(), clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        try
        {
            return await base.SendAsync(request, linked.Token);
        }
        catch (OperationCanceledException ex) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException($"The request timed out after {timeout().TotalSeconds:0.###} s.", new TimeoutException(ex.Message, ex));
        }
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// <c>GET /dashboard/live</c>: server-sent events for a signed-in organizer, one <c>change</c>
/// event each time <see cref="LivePulse"/> moves; the page then refetches its live part.
/// </summary>
internal static class LiveEndpoint
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/live", async (HttpContext http, [FromServices] DashboardRequests requests, [FromServices] LivePulse pulse, [FromServices] IHostApplicationLifetime lifetime) =>
        {
            if (await requests.SessionAsync(http) is null)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            // An open tab must not hold the bot's shutdown for the whole shutdown timeout: the stream ends when the bot starts stopping.
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            var ct = ending.Token;
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            var seen = pulse.Version;
            // The opening comment flushes the headers, so the browser's EventSource reports open.
            await http.Response.WriteAsync(": live\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            try
            {
                while (!ct.IsCancellationRequested && await requests.SessionAsync(http) is not null)
                {
                    await pulse.NextAfterAsync(seen, ct);
                    seen = pulse.Version;
                    await http.Response.WriteAsync($"event: change\ndata: {seen.ToString(CultureInfo.InvariantCulture)}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The page was closed.
            }
        });
    }
}

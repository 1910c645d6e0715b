using System.Text.Json.Nodes;
using CohortBot.Host.Options;
using CohortBot.Host.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace CohortBot.Host.Management;

/// <summary>
/// The management listener (<c>Management:Url</c>): <c>GET /health/live</c> answers 200 while the
/// process serves; <c>GET /health/ready</c> runs every registered health check (the database, and
/// each configured platform's connection) and answers 200 only when all are healthy, else 503,
/// with a JSON report either way; <c>GET /metrics</c> is the Prometheus scrape of the bot's
/// instruments (docs/operations.md). Starts after the database and before the adapters.
/// </summary>
internal sealed partial class ManagementService(
    HealthCheckService health,
    IOptions<ManagementOptions> options,
    ILoggerFactory loggerFactory,
    ILogger<ManagementService> logger,
    MeterProvider? meters = null) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Only our own settings: the bot's configuration must not reconfigure this listener.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls(options.Value.Url);
        var app = builder.Build();
        if (meters is not null)
        {
            // The host's own meter provider (its Prometheus reader), not one of this listener's.
            app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, http => http.Request.Path == "/metrics", null, null, null);
        }

        app.MapGet("/health/live", () => Results.Json(new { status = "Healthy" }));
        app.MapGet("/health/ready", (Func<HttpContext, Task<IResult>>)(http => ReadyAsync(http.RequestAborted)));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new StartupException($"the management listener cannot listen on {options.Value.Url}: {ex.Message.TrimEnd('.')}. Change Management:Url (env COHORTBOT__MANAGEMENT__URL) or free the port.", ex);
        }

        _app = app;
        LogListening(string.Join(", ", app.Urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> ReadyAsync(CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var checks = new JsonObject();
        foreach (var (name, entry) in report.Entries)
        {
            checks[name] = new JsonObject { ["status"] = entry.Status.ToString(), ["description"] = entry.Description };
        }

        var body = new JsonObject { ["status"] = report.Status.ToString(), ["checks"] = checks };
        // Degraded (reconnecting) is not ready: a platform the bot cannot answer on is not served.
        return Results.Content(body.ToJsonString(), "application/json", statusCode: report.Status == HealthStatus.Healthy ? 200 : 503);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Management listener on {Urls} (/health/live, /health/ready, /metrics)")]
    private partial void LogListening(string urls);
}

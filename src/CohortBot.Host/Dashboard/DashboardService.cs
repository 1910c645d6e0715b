using CohortBot.Host.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Dashboard;

/// <summary>
/// The dashboard's listener (<c>Dashboard:Url</c>), a Kestrel app of its own beside the management
/// listener: its endpoints take the bot's services (stores, the command runner) from the host's
/// container, so a page and a chat command share one database, one lease and one audit log.
/// </summary>
internal sealed partial class DashboardService(IServiceProvider services, IOptions<DashboardOptions> options, DashboardAddress address, ILoggerFactory loggerFactory, ILogger<DashboardService> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls(options.Value.Url);
        var app = builder.Build();
        // Endpoint parameters resolve from the bot's container, not this listener's.
        app.Use((http, next) =>
        {
            http.RequestServices = services;
            http.Response.Headers["X-Frame-Options"] = "DENY";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
            return next(http);
        });
        SignInEndpoints.Map(app);
        GridEndpoints.Map(app);
        ParticipantEndpoints.Map(app);
        ReviewEndpoints.Map(app);
        CohortEndpoints.Map(app);
        LiveEndpoint.Map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new StartupException($"the dashboard cannot listen on {options.Value.Url}: {ex.Message.TrimEnd('.')}. Change Dashboard:Url (env COHORTBOT__DASHBOARD__URL) or free the port.", ex);
        }

        _app = app;
        address.Bound(app.Urls.First());
        LogListening(address.Base.ToString());
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard on {Url}dashboard (sign in with /dashboard in chat)")]
    private partial void LogListening(string url);
}

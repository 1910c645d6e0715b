using System.Text.Json;
using CohortBot.Discord.Interactions;
using CohortBot.Discord.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Http;

/// <summary>
/// The optional HTTP transport: a small Kestrel app with <c>POST /interactions</c>. Verified
/// requests go to the same <see cref="InteractionHandler"/> as gateway ones and are answered
/// through the callback endpoint, so the HTTP answer is just 202.
/// </summary>
public sealed partial class HttpInteractionsService(
    InteractionHandler interactions,
    IOptions<DiscordOptions> options,
    TimeProvider clock,
    ILoggerFactory loggerFactory,
    ILogger<HttpInteractionsService> logger) : IHostedService, IAsyncDisposable
{
    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly InteractionResponse<MessageData> Pong = new(InteractionCallbackType.Pong, null);
    private WebApplication? _app;

    /// <summary>The addresses Kestrel bound, e.g. when configured with port 0.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var verifier = new InteractionSignatureVerifier(o.PublicKey!, clock, o.HttpInteractions.MaxClockSkew);
        var builder = WebApplication.CreateSlimBuilder();
        // Only our own settings: the host's appsettings (Kestrel, Urls) must not reconfigure this listener.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.WebHost.UseUrls(o.HttpInteractions.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var app = builder.Build();
        app.MapPost("/interactions", (Func<HttpContext, Task<IResult>>)(http => HandleAsync(http, verifier)));
        await app.StartAsync(cancellationToken);
        _app = app;
        Addresses = app.Urls.ToList();
        LogListening(string.Join(", ", Addresses));
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

    private async Task<IResult> HandleAsync(HttpContext http, InteractionSignatureVerifier verifier)
    {
        // Discord sends JSON only; anything else is refused before it is read, signed or not.
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        // The signature is over the exact bytes sent, so read them before any parsing.
        using var buffer = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Over Kestrel's limit (declared or chunked): an answer, not an unhandled exception.
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = buffer.ToArray();
        if (!verifier.Verify(http.Request.Headers["X-Signature-Ed25519"], http.Request.Headers["X-Signature-Timestamp"], body))
        {
            LogRejected();
            return Results.Unauthorized();
        }

        JsonElement payload;
        try
        {
            using var doc = JsonDocument.Parse(body);
            payload = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (DiscordJson.TryParse(payload, DiscordJson.Context.Interaction, out var interaction) && interaction.Type == InteractionType.Ping)
        {
            return Results.Bytes(DiscordJson.Serialize(Pong, DiscordJson.Context.InteractionResponseMessageData), "application/json");
        }

        interactions.Dispatch(payload);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord HTTP interactions endpoint listening on {Urls}")]
    private partial void LogListening(string urls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an HTTP interaction with a bad or stale signature")]
    private partial void LogRejected();
}

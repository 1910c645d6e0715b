using System.Text;
using System.Text.Json;
using CohortBot.Slack.Interactivity;
using CohortBot.Slack.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Slack.Http;

/// <summary>
/// The optional HTTP transport: a small Kestrel app for slash commands (form-encoded) and
/// interactivity (<c>payload=</c> JSON), each signature-checked on the raw bytes before anything
/// is parsed, then fed to the same <see cref="SlackInbound"/> as Socket Mode; the response is
/// the acknowledgement.
/// </summary>
internal sealed partial class SlackHttpService(
    SlackInbound inbound,
    SlackSignatureVerifier verifier,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILoggerFactory loggers,
    ILogger<SlackHttpService> logger) : IHostedService, IAsyncDisposable
{
    private const int MaxBodyBytes = 1024 * 1024;
    private WebApplication? _app;
    private int _disposed;

    /// <summary>The addresses Kestrel bound (useful with port 0).</summary>
    public IReadOnlyList<string> Urls => _app?.Urls.ToList() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value.Http;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseUrls(o.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        _app = builder.Build();
        _app.MapPost(o.CommandsPath, context => HandleAsync(context, interactive: false));
        _app.MapPost(o.InteractivityPath, context => HandleAsync(context, interactive: true));
        await _app.StartAsync(cancellationToken);
        LogListening(string.Join(", ", _app.Urls));
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
        // The container disposes this once as itself and once as the hosted service.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

    }

    private async Task HandleAsync(HttpContext context, bool interactive)
    {
        // Slack posts both kinds form-encoded; anything else is refused before it is read, signed or not.
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var check = verifier.Verify(context.Request.Headers["X-Slack-Request-Timestamp"], context.Request.Headers["X-Slack-Signature"], body);
        if (check != SignatureCheck.Valid)
        {
            LogRejected(check.ToString(), context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        InboundRequest? request;
        if (interactive)
        {
            var payload = form.TryGetValue(InteractionPayload.FormField, out var p) ? p.ToString() : string.Empty;
            request = JsonElementOf(payload) is { ValueKind: JsonValueKind.Object } element
                ? new InboundRequest(SocketModeTypes.Interactive, element, null, AcceptsResponsePayload: true)
                : null;
        }
        else
        {
            request = InboundRequest.FromForm(SlashCommand.FromForm(form.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.Ordinal)));
        }

        if (request is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Over HTTP the response body is the acknowledgement; the rest of the work continues after it.
        var acked = new TaskCompletionSource<AckPayload?>(TaskCreationOptions.RunContinuationsAsynchronously);
        inbound.Receive(request, ack => { acked.TrySetResult(ack); return Task.CompletedTask; });
        AckPayload? ackPayload;
        try
        {
            ackPayload = await acked.Task.WaitAsync(options.Value.AckBudget + TimeSpan.FromMilliseconds(500), clock, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            ackPayload = null;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        if (ackPayload is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(SlackJson.Serialize(ackPayload, SlackJson.Context.AckPayload), context.RequestAborted);
        }
    }

    private static JsonElement? JsonElementOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBodyBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null; // Kestrel's own limit: the caller answers 413, nothing is logged as unhandled
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack HTTP mode listening on {Urls}")]
    private partial void LogListening(string urls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack HTTP request to {Path}: signature {Check}")]
    private partial void LogRejected(string check, string path);
}

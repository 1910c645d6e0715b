using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Platform;
using CohortBot.Discord.Rendering;
using CohortBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Discord.Interactions;

/// <summary>
/// The one path for every interaction, whether it came over the gateway or HTTP. Each runs on its
/// own task (the gateway's receive loop must keep reading heartbeats ACKs), and is answered within
/// Discord's 3 seconds: directly when the core is quick, otherwise deferred and edited later.
/// </summary>
public sealed partial class InteractionHandler(
    InvocationMapper mapper,
    InteractionResponder responder,
    CommandRunner runner,
    IServiceScopeFactory scopes,
    IInboundDeduplicator deduplicator,
    MessageCatalogue messages,
    IOptions<DiscordOptions> options,
    TimeProvider clock,
    ILogger<InteractionHandler> logger)
{
    /// <summary>An interaction token lives 15 minutes; work that outlives it can no longer be shown.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(14.5);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    public int InFlight => _inFlight.Count;

    /// <summary>Starts handling and returns at once.</summary>
    public void Dispatch(JsonElement payload)
    {
        var copy = payload.Clone();
        var task = Task.Run(() => HandleAsync(copy));
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Waits for interactions in flight (shutdown), up to <paramref name="ct"/>.</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(_inFlight.Keys.ToArray()).WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task HandleAsync(JsonElement payload)
    {
        using var lifetime = new CancellationTokenSource(TokenLifetime, clock);
        var ct = lifetime.Token;
        var interaction = DiscordInteraction.TryParse(payload);
        if (interaction is null)
        {
            LogMalformed();
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Platform"] = "discord", ["User"] = interaction.User.UserId, ["Interaction"] = interaction.Id });
        try
        {
            // A resumed session replays events; an interaction must be answered once only.
            if (!await deduplicator.TryBeginAsync(DiscordChatPlatform.PlatformKey, "interaction:" + interaction.Id, ct))
            {
                LogDuplicate(interaction.Id);
                return;
            }

            switch (interaction.Type)
            {
                case DiscordInteraction.Autocomplete:
                    await AutocompleteAsync(interaction, ct);
                    break;
                case DiscordInteraction.ApplicationCommand or DiscordInteraction.MessageComponent or DiscordInteraction.ModalSubmit:
                    await CommandAsync(interaction, ct);
                    break;
                default:
                    LogIgnored(interaction.Type);
                    break;
            }
        }
        catch (Exception ex)
        {
            LogFailed(ex, interaction.Type);
        }
    }

    private async Task CommandAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        var work = RunAsync(interaction, ct);
        using var deferral = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(options.Value.DeferAfter, clock, deferral.Token);
        if (await Task.WhenAny(work, timer) == work)
        {
            await deferral.CancelAsync();
            var reply = await work;
            var modal = reply.Form is not null && interaction.Type != DiscordInteraction.ModalSubmit ? ModalRenderer.Render(reply.Form) : null;
            if (modal is not null)
            {
                await responder.CallbackAsync(interaction, InteractionResponder.Modal, modal, ct);
            }
            else if (reply.Files.Count > 0)
            {
                // Files need a multipart body; deferring and editing carries them.
                await responder.CallbackAsync(interaction, InteractionResponder.DeferredChannelMessage, Ephemeral(reply.Ephemeral), ct);
                await responder.EditOriginalAsync(interaction, MessageRenderer.Render(reply, allowEphemeral: false), reply.Files, ct);
            }
            else
            {
                await responder.CallbackAsync(interaction, InteractionResponder.ChannelMessage, MessageRenderer.Render(reply, allowEphemeral: true), ct);
            }

            return;
        }

        LogDeferred(interaction.Id, options.Value.DeferAfter.TotalMilliseconds);
        await responder.CallbackAsync(interaction, InteractionResponder.DeferredChannelMessage, Ephemeral(true), ct);
        var late = await work;
        await responder.EditOriginalAsync(interaction, MessageRenderer.Render(late, allowEphemeral: false), late.Files, ct);
    }

    private async Task<Reply> RunAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            var invocation = await mapper.MapAsync(interaction, ct);
            if (invocation is null)
            {
                LogUnmappable(interaction.Type);
                return Reply.Error(messages.For(interaction.User.Locale)["command.unknown", new { command = "?", commands = string.Join(", ", Catalogue.All.Select(c => "/" + c.Name)) }]);
            }

            return await runner.RunAsync(invocation, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            LogCommandFailed(ex, reference);
            return Reply.Error(messages.For(interaction.User.Locale)["error.unexpected", new { reference }]);
        }
    }

    private async Task AutocompleteAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        var choices = new JsonArray();
        var command = DiscordInteraction.TryString(interaction.Data, "name", out var name) ? Catalogue.Find(name) : null;
        var focused = InvocationMapper.Options(interaction.Data)
            .FirstOrDefault(o => o.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True);
        var option = command is not null && focused.ValueKind == JsonValueKind.Object ? command.Option(focused.GetProperty("name").GetString()!) : null;
        if (command is not null && option is { Choices: not OptionChoices.None })
        {
            var typed = focused.TryGetProperty("value", out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;
            await using var scope = scopes.CreateAsyncScope();
            var provider = scope.ServiceProvider.GetRequiredService<ChoiceProvider>();
            var invocation = new Invocation(command.Name, new Dictionary<string, object?>(), interaction.User, interaction.ChannelId);
            foreach (var choice in await provider.SuggestAsync(invocation, option.Choices, typed, ct))
            {
                JsonNode? value = option.Type == OptionType.Integer
                    ? long.TryParse(choice.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : null
                    : JsonValue.Create(DiscordText.Truncate(choice.Value, 100));
                if (value is not null)
                {
                    choices.Add(new JsonObject { ["name"] = DiscordText.Truncate(DiscordText.NonEmpty(choice.Name), 100), ["value"] = value });
                }
            }
        }

        await responder.CallbackAsync(interaction, InteractionResponder.AutocompleteResult, new JsonObject { ["choices"] = choices }, ct);
    }

    private static JsonObject Ephemeral(bool ephemeral) =>
        ephemeral ? new JsonObject { ["flags"] = MessageRenderer.EphemeralFlag } : new JsonObject();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed interaction payload")]
    private partial void LogMalformed();

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {Id} was already handled; ignoring the replay")]
    private partial void LogDuplicate(string id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored interaction of type {Type}")]
    private partial void LogIgnored(int type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction of type {Type} could not be read as a command")]
    private partial void LogUnmappable(int type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {Id} not done after {DelayMs} ms: deferred")]
    private partial void LogDeferred(string id, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction handling failed (reference {Reference})")]
    private partial void LogCommandFailed(Exception ex, string reference);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering an interaction of type {Type} failed")]
    private partial void LogFailed(Exception ex, int type);
}

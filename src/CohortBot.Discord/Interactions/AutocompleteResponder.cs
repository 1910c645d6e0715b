using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CohortBot.Core.Commands;
using CohortBot.Discord.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CohortBot.Discord.Interactions;

/// <summary>
/// Suggestions while a user types an option. Discord allows no deferral for them, and there is
/// nothing to keep if the bot stops, so they skip the inbox and the queue and are answered at once.
/// </summary>
public sealed partial class AutocompleteResponder(InteractionResponder responder, IServiceScopeFactory scopes, ILogger<AutocompleteResponder> logger)
{
    public void Start(DiscordInteraction interaction) => _ = Task.Run(() => AnswerAsync(interaction));

    private async Task AnswerAsync(DiscordInteraction interaction)
    {
        try
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
                foreach (var choice in await provider.SuggestAsync(invocation, option.Choices, typed, CancellationToken.None))
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

            await responder.CallbackAsync(interaction, InteractionResponder.AutocompleteResult, new JsonObject { ["choices"] = choices }, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering an autocomplete interaction failed")]
    private partial void LogFailed(Exception ex);
}

using System.Globalization;
using CohortBot.Core.Commands;
using CohortBot.Discord.Rendering;
using CohortBot.Discord.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CohortBot.Discord.Interactions;

/// <summary>
/// Suggestions while a user types an option. Discord allows no deferral for them, and there is
/// nothing to keep if the bot stops, so they skip the inbox and the queue and are answered at once.
/// </summary>
public sealed partial class AutocompleteResponder(InteractionResponder responder, IServiceScopeFactory scopes, ILogger<AutocompleteResponder> logger)
{
    public const int ChoicesMax = 25;
    public const int ChoiceTextMax = 100;

    public void Start(DiscordInteraction interaction) => _ = Task.Run(() => AnswerAsync(interaction));

    private async Task AnswerAsync(DiscordInteraction interaction)
    {
        try
        {
            var choices = new List<CommandOptionChoice>();
            var command = interaction.Data?.Name is { Length: > 0 } name ? Catalogue.Find(name) : null;
            var focused = InvocationMapper.Options(interaction.Data).FirstOrDefault(o => o.Focused == true);
            var option = command is not null && focused is not null ? command.Option(focused.Name) : null;
            if (command is not null && option is { Choices: not OptionChoices.None })
            {
                await using var scope = scopes.CreateAsyncScope();
                var provider = scope.ServiceProvider.GetRequiredService<ChoiceProvider>();
                var invocation = new Invocation(command.Name, new Dictionary<string, object?>(), interaction.User, interaction.ChannelId);
                foreach (var choice in await provider.SuggestAsync(invocation, option.Choices, focused!.Text, CancellationToken.None))
                {
                    var label = DiscordText.Truncate(DiscordText.NonEmpty(choice.Name), ChoiceTextMax);
                    if (option.Type != OptionType.Integer)
                    {
                        choices.Add(CommandOptionChoice.Of(label, DiscordText.Truncate(choice.Value, ChoiceTextMax)));
                    }
                    else if (long.TryParse(choice.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                    {
                        choices.Add(CommandOptionChoice.Of(label, n));
                    }
                }
            }

            await responder.AutocompleteAsync(interaction, [.. choices.Take(ChoicesMax)], CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering an autocomplete interaction failed")]
    private partial void LogFailed(Exception ex);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace CohortBot.Discord.Wire;

/// <summary>
/// Source-generated (reflection-free) JSON for every Discord record: snake_case names, nulls left
/// out unless a record says otherwise, unknown fields ignored. A field of the wrong type is a
/// <see cref="JsonException"/> that the caller turns into "malformed, ignored", never a crash,
/// except on fields marked <see cref="Lenient{T}"/>, which read as absent so the interaction is still answered.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloEvent))]
[JsonSerializable(typeof(ReadyEvent))]
[JsonSerializable(typeof(GatewayCommand<IdentifyCommand>))]
[JsonSerializable(typeof(GatewayCommand<ResumeCommand>))]
[JsonSerializable(typeof(GatewayCommand<long?>))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionDataOption))]
[JsonSerializable(typeof(ApplicationCommandOptionType))]
[JsonSerializable(typeof(ResolvedData))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, DiscordAttachment>))]
[JsonSerializable(typeof(SubmittedComponent))]
[JsonSerializable(typeof(ComponentType))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(bool?))]
[JsonSerializable(typeof(InteractionResponse<MessageData>))]
[JsonSerializable(typeof(InteractionResponse<ModalData>))]
[JsonSerializable(typeof(InteractionResponse<AutocompleteData>))]
[JsonSerializable(typeof(MessageData))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(CreateDmRequest))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(GatewayBotResponse))]
[JsonSerializable(typeof(DiscordError))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;

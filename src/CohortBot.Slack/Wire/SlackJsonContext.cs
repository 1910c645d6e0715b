using System.Text.Json;
using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>
/// Source-generated (reflection-free) JSON for every Slack record: snake_case names, nulls left
/// out, unknown fields ignored. A field of the wrong type is a <see cref="JsonException"/> that the
/// caller turns into "malformed, ignored" (and still acknowledged), never a crash.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SocketModeFrame))]
[JsonSerializable(typeof(Acknowledgement))]
[JsonSerializable(typeof(AckPayload))]
[JsonSerializable(typeof(ResponseMessage))]
[JsonSerializable(typeof(ViewSubmissionResponse))]
[JsonSerializable(typeof(SlashCommand))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(EventsApiPayload))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(UpdateMessageRequest))]
[JsonSerializable(typeof(OpenConversationRequest))]
[JsonSerializable(typeof(OpenViewRequest))]
[JsonSerializable(typeof(SlackResponse))]
[JsonSerializable(typeof(OpenConnectionResponse))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(OpenConversationResponse))]
[JsonSerializable(typeof(UsersInfoResponse))]
[JsonSerializable(typeof(FilesInfoResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(IReadOnlyList<UploadedFile>))]
[JsonSerializable(typeof(IReadOnlyList<Block>))]
[JsonSerializable(typeof(PrivateMetadata))]
[JsonSerializable(typeof(InboxDelivery))]
public sealed partial class SlackJsonContext : JsonSerializerContext;

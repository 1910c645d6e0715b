using System.Text.Json.Serialization;

namespace CohortBot.Slack.Wire;

/// <summary>
/// An answer that can ride on an acknowledgement (or be an HTTP response body): a message for a
/// slash command, or a <c>response_action</c> for a view submission.
/// </summary>
[JsonDerivedType(typeof(ResponseMessage))]
[JsonDerivedType(typeof(ViewSubmissionResponse))]
public abstract record AckPayload;

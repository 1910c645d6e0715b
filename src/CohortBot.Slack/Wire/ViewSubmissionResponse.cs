namespace CohortBot.Slack.Wire;

/// <summary>A view submission's answer: <c>clear</c> closes the modal, <c>errors</c> shows messages under inputs (by block id).</summary>
public sealed record ViewSubmissionResponse(string ResponseAction, IReadOnlyDictionary<string, string>? Errors) : AckPayload
{
    public static ViewSubmissionResponse Clear { get; } = new("clear", null);

    public static ViewSubmissionResponse ErrorAt(string blockId, string message) => new("errors", new Dictionary<string, string> { [blockId] = message });
}

namespace CohortBot.Slack.Wire;

/// <summary>Every Web API answer: failures normally come as HTTP 200 with <c>ok:false</c> and an error code.</summary>
public interface ISlackResponse
{
    bool Ok { get; }

    string? Error { get; }
}

namespace CohortBot.Slack.Wire;

public sealed record UsersInfoResponse(bool Ok, string? Error, SlackUser? User) : ISlackResponse;

namespace CohortBot.Bench.Load;

/// <summary>
/// One command as the platform saw it. <c>FirstMs</c>: Discord's first callback (reply or
/// deferral) or Slack's envelope ack, after the command went on the wire; <c>FinalMs</c>: when
/// the answer itself arrived. Null when it never came.
/// </summary>
public sealed record Sample(string Platform, string Kind, double? FirstMs, double? FinalMs, bool Deferred, bool Error, bool Redelivered)
{
    public const double WindowMs = 3000;

    public bool Late => FirstMs is not { } first || first > WindowMs;

    public bool Unanswered => FinalMs is null;
}

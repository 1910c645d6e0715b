namespace CohortBot.Slack.Tests.Fakes;

/// <summary>Real timers (sockets and acks need them) with a movable "now", to walk through a cohort week.</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

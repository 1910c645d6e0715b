using System.Globalization;
using CohortBot.Core.Schedules;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CohortBot.Host.Scheduling;

/// <summary>
/// Fires one derived moment; the work is in <see cref="ScheduledWork"/>, the moment in the job data.
/// Each run is logged, so that with several instances the log says which one ran a fan-out, and
/// whether it was taking over one that a dead instance had begun.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class MomentJob(ScheduledWork work, ILogger<MomentJob> logger) : IJob
{
    public const string KindKey = "kind";
    public const string CohortKey = "cohort";
    public const string SubjectKey = "subject";
    public const string TargetKey = "target";
    public const string OffsetKey = "offset";

    public static JobDataMap DataOf(ScheduledMoment m) => new()
    {
        [KindKey] = m.Kind.Key(),
        [CohortKey] = m.CohortId.ToString(CultureInfo.InvariantCulture),
        [SubjectKey] = m.Subject,
        [TargetKey] = m.Target.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        [OffsetKey] = ((long)m.Offset.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
    };

    public static ScheduledMoment MomentOf(JobDataMap data)
    {
        // Job data outlives a process in the clustered store: a kind this build does not know is an
        // error to report, not a moment to run as some other kind.
        if (!MomentKinds.TryParse(data.GetString(KindKey)!, out var kind))
        {
            throw new InvalidOperationException($"A scheduled moment of unknown kind '{data.GetString(KindKey)}': was it scheduled by a newer build?");
        }

        return new ScheduledMoment(
            kind,
            long.Parse(data.GetString(CohortKey)!, CultureInfo.InvariantCulture),
            data.GetString(SubjectKey)!,
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(data.GetString(TargetKey)!, CultureInfo.InvariantCulture)),
            TimeSpan.FromMilliseconds(long.Parse(data.GetString(OffsetKey)!, CultureInfo.InvariantCulture)));
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var moment = MomentOf(context.MergedJobDataMap);
        LogRunning(moment.Name, context.Recovering);
        await work.RunAsync(moment, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Moment} (recovering: {Recovering})")]
    private partial void LogRunning(string moment, bool recovering);
}

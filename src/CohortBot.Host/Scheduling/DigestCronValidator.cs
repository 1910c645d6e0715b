using CohortBot.Core.Schedules;
using Microsoft.Extensions.Options;
using Quartz;

namespace CohortBot.Host.Scheduling;

/// <summary>Checks <c>Schedules:DigestCron</c> with Quartz's own parser, which Core cannot reference.</summary>
internal sealed class DigestCronValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options) =>
        string.IsNullOrWhiteSpace(options.DigestCron) || CronExpression.TryParse(options.DigestCron, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Schedules:DigestCron '{options.DigestCron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), e.g. \"0 0 9 ? * MON\".");
}

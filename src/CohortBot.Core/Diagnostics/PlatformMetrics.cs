using System.Diagnostics.Metrics;

namespace CohortBot.Core.Diagnostics;

/// <summary>
/// What the platforms' REST clients meet: <c>cohortbot.platform.rate_limited</c>, every 429
/// received, by platform and route (Discord's route template, Slack's Web API method), whether or
/// not the retry that follows succeeds. A steady rate means the bot's own pacing is off.
/// </summary>
public sealed class PlatformMetrics(IMeterFactory? meters = null)
{
    private readonly Counter<long> _rateLimited = CohortTelemetry.CreateMeter(meters)
        .CreateCounter<long>("cohortbot.platform.rate_limited", "{response}", "429 Too Many Requests received from a platform, by route.");

    public void RateLimited(string platform, string route) =>
        _rateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("route", route));
}

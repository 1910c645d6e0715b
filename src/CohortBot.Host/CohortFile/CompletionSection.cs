using CohortBot.Core.Completion;

namespace CohortBot.Host.CohortFile;

/// <summary>
/// The <c>completion:</c> section of the cohort file. Without it: every week approved, nothing
/// excused, late proofs count, the certificate required when the file has a certificates section.
/// </summary>
internal static class CompletionSection
{
    public static CompletionRules Read(YamlMap? map, bool hasCertificates, int weekCount)
    {
        var defaults = CompletionRules.Default with { CertificateRequired = hasCertificates };
        if (map is null)
        {
            return defaults;
        }

        var excused = map.Int("max_excused_weeks", min: 0, max: 1000) ?? defaults.MaxExcusedWeeks;
        var missed = map.Int("max_missed_weeks", min: 0, max: 1000) ?? defaults.MaxMissedWeeks;
        var late = map.Bool("late_proofs_count") ?? defaults.LateProofsCount;
        var events = map.Int("min_events_attended", min: 0, max: 1000) ?? defaults.MinEventsAttended;
        var certificate = map.String("certificate");
        map.RejectUnknownKeys();

        if (certificate is not (null or "required" or "optional"))
        {
            map.Errors.Add(new(map.LineOf("certificate"), $"completion.certificate must be 'required' or 'optional'; '{certificate}' is neither."));
        }
        else if (certificate == "required" && !hasCertificates)
        {
            map.Errors.Add(new(map.LineOf("certificate"), "completion.certificate is 'required' but the file has no certificates section."));
        }

        foreach (var (key, value) in new[] { ("max_excused_weeks", excused), ("max_missed_weeks", missed) })
        {
            if (value > weekCount)
            {
                map.Errors.Add(new(map.LineOf(key), $"completion.{key} is {value}, more than the {weekCount} weeks of the cohort."));
            }
        }

        return new CompletionRules(excused, missed, late, certificate is null ? hasCertificates : certificate == "required", events);
    }
}

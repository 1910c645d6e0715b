namespace CohortBot.Core.Cohorts;

/// <summary>
/// Rules that span entries of the cohort file (the parser checks each value on its own):
/// duplicate ids, overlapping weeks, deadlines and events outside the cohort.
/// </summary>
public static class CohortDefinitionValidator
{
    public static IReadOnlyList<CohortFileError> Validate(CohortDefinition cohort)
    {
        var errors = new List<CohortFileError>();
        if (cohort.EndsAt <= cohort.StartsAt)
        {
            errors.Add(new(cohort.Line, "cohort.ends must be after cohort.starts."));
        }

        Duplicates(cohort.Weeks, w => w.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), w => w.Line, "week number", errors);
        Duplicates(cohort.Events, e => e.Key, e => e.Line, "event id", errors);
        if (cohort.Certificates is { } certs)
        {
            Duplicates(certs.Allowed, c => c.Key, c => c.Line, "certificate id", errors);
            if (!Within(cohort, certs.Deadline))
            {
                errors.Add(new(certs.Line, "certificates.deadline is outside the cohort (between cohort.starts and cohort.ends)."));
            }
        }

        foreach (var week in cohort.Weeks)
        {
            if (week.DueAt <= week.OpensAt)
            {
                errors.Add(new(week.Line, $"week {week.Number}: deadline must be after opens."));
            }

            if (!Within(cohort, week.OpensAt) || !Within(cohort, week.DueAt))
            {
                errors.Add(new(week.Line, $"week {week.Number}: opens and deadline must fall between cohort.starts and cohort.ends."));
            }

            if (week.ClosesAt is { } closes && closes < week.DueAt)
            {
                errors.Add(new(week.Line, $"week {week.Number}: closes must not be before the deadline."));
            }
        }

        var ordered = cohort.Weeks.OrderBy(w => w.OpensAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].OpensAt < ordered[i - 1].DueAt)
            {
                errors.Add(new(ordered[i].Line, $"week {ordered[i].Number} overlaps week {ordered[i - 1].Number} (it opens before week {ordered[i - 1].Number}'s deadline)."));
            }
        }

        foreach (var e in cohort.Events)
        {
            if (e.EndsAt <= e.StartsAt)
            {
                errors.Add(new(e.Line, $"event {e.Key}: it must end after it starts."));
            }

            if (!Within(cohort, e.StartsAt))
            {
                errors.Add(new(e.Line, $"event {e.Key}: it starts outside the cohort."));
            }
        }

        return errors.OrderBy(e => e.Line).ToList();
    }

    private static bool Within(CohortDefinition cohort, DateTimeOffset instant) =>
        instant >= cohort.StartsAt && instant <= cohort.EndsAt;

    private static void Duplicates<T>(IEnumerable<T> items, Func<T, string> key, Func<T, int> line, string what, List<CohortFileError> errors)
    {
        foreach (var group in items.GroupBy(key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = line(group.First());
            foreach (var dup in group.Skip(1))
            {
                errors.Add(new(line(dup), $"duplicate {what} '{group.Key}' (first used on line {first})."));
            }
        }
    }
}

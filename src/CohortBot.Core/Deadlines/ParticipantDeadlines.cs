using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;

namespace CohortBot.Core.Deadlines;

/// <summary>
/// One participant's own deadlines: every week of the cohort and the certificate, as the
/// organizers' extensions and excuses for them make them. The one place that decides a
/// participant's effective deadlines and week statuses: <c>/deadlines</c>, <c>/progress</c>,
/// <c>/submit</c>, <c>/cert</c>, the calendar, reminders, the digest, completion and exports all
/// go through <see cref="OwnWeek"/> and <see cref="OwnDeadline"/>.
/// </summary>
public sealed class ParticipantDeadlines
{
    public ParticipantDeadlines(IEnumerable<Week> weeks, DateTimeOffset? certificateDeadline, ParticipantAllowances own)
    {
        Weeks = weeks.OrderBy(w => w.Number).Select(w => OwnWeek.Of(w, own)).ToList();
        Certificate = certificateDeadline is { } deadline ? OwnDeadline.Of(deadline, own.CertificateDeadline) : null;
    }

    /// <summary>Nothing granted: the cohort's own deadlines (the whole-cohort calendar).</summary>
    public static ParticipantAllowances NoAllowances { get; } = new(new HashSet<long>(), new Dictionary<long, DateTimeOffset>(), null);

    /// <summary>Every week, by number.</summary>
    public IReadOnlyList<OwnWeek> Weeks { get; }

    /// <summary>Null when the cohort has no certificate deadline.</summary>
    public OwnDeadline? Certificate { get; }
}

using System.Globalization;
using CohortBot.Core.Exports;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Digests;

/// <summary>
/// The digest's complete lists, attached to its one message: one row per person and list
/// (<c>missing</c> the focus week, <c>at_risk</c>, <c>duplicate</c>), so a list of 12,500 names is a
/// file to sort and filter rather than pages of chat. UTF-8 with a BOM, formula cells neutralised
/// (<see cref="Csv"/>).
/// </summary>
public static class DigestCsv
{
    public static readonly string[] Header =
        ["list", "participant_id", "name", "handle", "email", "week", "weeks_missed_in_a_row", "proof", "same_image_as", "same_image_participant_id"];

    public static string FileName(string cohortSlug, int? week) =>
        week is { } n ? $"digest-{cohortSlug}-week{n.ToString(CultureInfo.InvariantCulture)}.csv" : $"digest-{cohortSlug}.csv";

    public static byte[] Write(DigestFacts facts)
    {
        var week = facts.Focus?.Number.ToString(CultureInfo.InvariantCulture);
        var streaks = facts.AtRisk.ToDictionary(a => a.Participant.Id, a => a.WeeksInARow);
        var rows = facts.Missing.Select(p => Row("missing", p, week, streaks.TryGetValue(p.Id, out var run) ? run : 1, null, null))
            .Concat(facts.AtRisk.Select(a => Row("at_risk", a.Participant, week, a.WeeksInARow, null, null)))
            .Concat(facts.Duplicates.Select(d => Row("duplicate", d.Participant, d.Proof.WeekNumber.ToString(CultureInfo.InvariantCulture), null,
                "w" + d.Proof.Id.ToString(CultureInfo.InvariantCulture), d)));
        return Csv.Write(Header, rows);
    }

    private static IReadOnlyList<string?> Row(string list, Participant p, string? week, int? run, string? proof, DuplicatePair? duplicate) =>
    [
        list, Id(p.Id), p.DisplayName, p.Handle, p.Email, week, run?.ToString(CultureInfo.InvariantCulture), proof,
        duplicate is null ? null : "w" + Id(duplicate.OtherProof.Id),
        duplicate is null ? null : Id(duplicate.Other.Id),
    ];

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

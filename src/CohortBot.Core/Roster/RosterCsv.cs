using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Exports;
using CohortBot.Core.Text;

namespace CohortBot.Core.Roster;

/// <summary>
/// Reads a roster CSV: a header row naming the columns <c>name</c> (required), <c>email</c>,
/// <c>discord</c>, <c>slack</c>, <c>terminal</c>, in any order; other columns are ignored, so the
/// participants export can be imported again. Every problem is reported with its line, as a
/// message key the handler words in the organizer's language.
/// </summary>
public static class RosterCsv
{
    public static (IReadOnlyList<RosterEntry> Entries, IReadOnlyList<InputProblem> Errors) Parse(string text)
    {
        var errors = new List<InputProblem>();
        IReadOnlyList<IReadOnlyList<string>> rows;
        try
        {
            rows = Csv.Read(text);
        }
        catch (FormatException ex)
        {
            return ([], [new("roster.not_csv", new { detail = ex.Message })]);
        }

        if (rows.Count == 0)
        {
            return ([], [new("roster.empty")]);
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var name = header.IndexOf("name");
        if (name < 0)
        {
            return ([], [new("roster.no_name_column", new { columns = string.Join(", ", ["name", "email", .. Participants.PlatformKeys.All]) })]);
        }

        var email = header.IndexOf("email");
        var platforms = Participants.PlatformKeys.All.Select(p => (Platform: p, Column: header.IndexOf(p))).Where(p => p.Column >= 0).ToList();
        var entries = new List<RosterEntry>();
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = i + 1;
            string Cell(int column) => column >= 0 && column < row.Count ? ControlCharacters.CleanLine(row[column]).Trim() : string.Empty;
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var ids = platforms.Where(p => Cell(p.Column).Length > 0).ToDictionary(p => p.Platform, p => Cell(p.Column), StringComparer.Ordinal);
            var mail = Cell(email);
            if (Cell(name).Length == 0)
            {
                errors.Add(new("roster.line.no_name", new { line }));
            }
            else if (mail.Length > 0 && !mail.Contains('@', StringComparison.Ordinal))
            {
                errors.Add(new("roster.line.bad_email", new { line, email = mail }));
            }
            else if (mail.Length == 0 && ids.Count == 0)
            {
                errors.Add(new("roster.line.unrecognisable", new { line, name = Cell(name) }));
            }
            else
            {
                entries.Add(new RosterEntry(Participants.DisplayNames.Clean(Cell(name)), mail.Length == 0 ? null : mail, ids, line));
            }
        }

        return (entries, errors);
    }
}

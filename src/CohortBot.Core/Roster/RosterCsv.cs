using CohortBot.Core.Cohorts;
using CohortBot.Core.Exports;
using CohortBot.Core.Text;

namespace CohortBot.Core.Roster;

/// <summary>
/// Reads a roster CSV: a header row naming the columns <c>name</c> (required), <c>email</c>,
/// <c>discord</c>, <c>slack</c>, <c>terminal</c>, in any order; other columns are ignored, so the
/// participants export can be imported again. Every problem is reported with its line.
/// </summary>
public static class RosterCsv
{
    public static (IReadOnlyList<RosterEntry> Entries, IReadOnlyList<string> Errors) Parse(string text)
    {
        var errors = new List<string>();
        IReadOnlyList<IReadOnlyList<string>> rows;
        try
        {
            rows = Csv.Read(text);
        }
        catch (FormatException ex)
        {
            return ([], [ex.Message]);
        }

        if (rows.Count == 0)
        {
            return ([], ["The file is empty; it needs a header row with at least a 'name' column."]);
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var name = header.IndexOf("name");
        if (name < 0)
        {
            return ([], ["The header row has no 'name' column (columns: name, email, discord, slack, terminal)."]);
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
                errors.Add($"line {line}: the name is empty.");
            }
            else if (mail.Length > 0 && !mail.Contains('@', StringComparison.Ordinal))
            {
                errors.Add($"line {line}: '{mail}' is not an email address.");
            }
            else if (mail.Length == 0 && ids.Count == 0)
            {
                errors.Add($"line {line}: {Cell(name)} needs an email or a platform id to be recognised.");
            }
            else
            {
                entries.Add(new RosterEntry(Participants.DisplayNames.Clean(Cell(name)), mail.Length == 0 ? null : mail, ids, line));
            }
        }

        return (entries, errors);
    }
}

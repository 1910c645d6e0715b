using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Host.Dashboard;

namespace CohortBot.Dashboard.Tests;

public sealed class GridCellTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 14, 0, 0, 0, TimeSpan.Zero);
    private static readonly Week[] Weeks = [Week(1), Week(2), Week(3), Week(4)];

    /// <summary>Week n is due Start + 7n days; "now" is in week 4.</summary>
    private static readonly DateTimeOffset Now = Start.AddDays(25);

    [Fact]
    public void Cells_FollowTheParticipantsOwnDeadlines()
    {
        var allowances = new ParticipantAllowances(new HashSet<long> { 2 }, new Dictionary<long, DateTimeOffset> { [3] = Now.AddDays(2) }, null);

        Assert.Equal(GridCell.Missing, Cell(1, null, allowances));
        Assert.Equal(GridCell.Excused, Cell(2, null, allowances));
        Assert.Equal(GridCell.Extended, Cell(3, null, allowances));
        Assert.Equal(GridCell.Open, Cell(4, null, allowances));
        Assert.Equal(GridCell.Missing, Cell(3, null, allowances, Now.AddDays(3)));
    }

    [Theory]
    [InlineData(ReviewStatus.Pending, false, "submitted")]
    [InlineData(ReviewStatus.Pending, true, "late")]
    [InlineData(ReviewStatus.Approved, true, "approved")]
    [InlineData(ReviewStatus.Rejected, false, "rejected")]
    public void Cells_ShowTheLatestProof(ReviewStatus status, bool late, string expected)
    {
        Assert.Equal(expected, Cell(1, Proof(1, status, late), None).Css());
    }

    [Fact]
    public void Row_HasACellPerWeek_InTheirOrder()
    {
        // "At risk" is the digest's list, read from the database: see GridPageTests.
        var row = Row(Record(2, Proof(1, ReviewStatus.Rejected, false), Proof(2, ReviewStatus.Pending, true)));

        Assert.Equal([GridCell.Rejected, GridCell.Late, GridCell.Missing, GridCell.Open], row.Cells);
    }

    private static readonly ParticipantAllowances None = new(new HashSet<long>(), new Dictionary<long, DateTimeOffset>(), null);

    private static GridCell Cell(int week, Submission? latest, ParticipantAllowances allowances, DateTimeOffset? now = null) =>
        GridCells.Of(OwnWeek.Of(Weeks[week - 1], allowances), latest, now ?? Now);

    private static GridRow Row(ParticipantRecord record) => ParticipantGrid.Row(record, Weeks, Now);

    private static ParticipantRecord Record(long id, params Submission[] proofs) => new(
        new Participant(id, 1, $"p{id}", null, null, null, ParticipantStatus.Active),
        proofs.ToDictionary(p => p.WeekId), null, new HashSet<long>(), new Dictionary<long, DateTimeOffset>(), null, 0);

    private static Submission Proof(int week, ReviewStatus status, bool late) =>
        new(week, 1, week, week, 1, Start.AddDays(7 * week), "https://example.com/p", null, null, late, status, null);

    private static Week Week(int n) => new(n, n, $"Week {n}", null, Start.AddDays(7 * (n - 1)), Start.AddDays(7 * n), Start.AddDays((7 * n) + 30));
}

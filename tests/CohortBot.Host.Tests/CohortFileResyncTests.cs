using CohortBot.Testing;

namespace CohortBot.Host.Tests;

/// <summary>
/// An unchanged cohort file is not synced again at start-up (a large roster made that most of the
/// start-up time); an edited one is, and what organizers changed in chat meanwhile is kept.
/// </summary>
public sealed class CohortFileResyncTests
{
    [Fact]
    public async Task AnUnchangedFile_IsNotSyncedAgain_AndAnEditedOneIs()
    {
        // Three starts of the real host on the same files, in this process: the sync decision is the
        // host's start-up (the fingerprint kept in the database), not anything of the OS process.
        using var folder = new TempFolder();
        var edited = SampleCohort.Yaml.Replace("title: Course 2, week 1", "title: Course 2, week 1 (moved)", StringComparison.Ordinal);
        var (firstLogs, secondLogs, editedLogs) = (new CapturingLogger(), new CapturingLogger(), new CapturingLogger());

        await TerminalRun.RunLoggedAsync(folder, "/as alice\n/progress\n", SampleCohort.Now, SampleCohort.Yaml, firstLogs);
        var second = await TerminalRun.RunLoggedAsync(folder, "/as alice\n/progress\n", SampleCohort.Now, SampleCohort.Yaml, secondLogs);
        await TerminalRun.RunLoggedAsync(folder, "/as alice\n/progress\n", SampleCohort.Now, edited, editedLogs);

        Assert.True(firstLogs.Contains("weeks +3 ~0"), string.Join("\n", firstLogs.Lines));
        Assert.True(secondLogs.Contains("the cohort file is unchanged since its last sync"), string.Join("\n", secondLogs.Lines));
        Assert.Contains("alice's progress", second, StringComparison.Ordinal);
        Assert.True(editedLogs.Contains("weeks +0 ~1"), string.Join("\n", editedLogs.Lines));
    }
}

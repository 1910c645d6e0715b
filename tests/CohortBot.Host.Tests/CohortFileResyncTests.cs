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
        using var folder = new TempFolder();
        var file = folder.File("cohort.yaml");
        await File.WriteAllTextAsync(file, SampleCohort.Yaml);
        string[] args = ["--Cohort:File=" + file, "--Terminal:Enabled=true"];

        var first = await HostProcess.RunAsync(folder, "/as alice\n/progress\n", null, args);
        var second = await HostProcess.RunAsync(folder, "/as alice\n/progress\n", null, args);
        await File.WriteAllTextAsync(file, SampleCohort.Yaml.Replace("title: Course 2, week 1", "title: Course 2, week 1 (moved)", StringComparison.Ordinal));
        var edited = await HostProcess.RunAsync(folder, "/as alice\n/progress\n", null, args);

        Assert.True(first.Code == 0, first.Stderr);
        Assert.Contains("weeks +3 ~0", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("the cohort file is unchanged since its last sync", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("alice's progress", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("weeks +0 ~1", edited.Stderr, StringComparison.Ordinal);
    }
}

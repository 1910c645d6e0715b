using CohortBot.Host.Cli;
using CohortBot.Storage.Sqlite;

namespace CohortBot.Organizers.Tests;

public sealed class ExportVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cohortbot-cli-" + Guid.NewGuid().ToString("N"));

    public ExportVerbTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public async Task ExportVerb_MigratesSyncsAndWritesTheFile()
    {
        var output = Path.Combine(_dir, "out", "participants.csv");
        var stderr = new StringWriter();

        var code = await ExportVerb.RunAsync(["export", "participants", "--out", output, .. Config()], TextWriter.Null, stderr);

        Assert.Equal(0, code);
        Assert.Equal(
            "participant_id,name,email,discord,slack,terminal,status,week_1\r\n" +
            "1,김민준,minjun@example.com,123456789012345678,,,active,missing\r\n",
            await File.ReadAllTextAsync(output));
        Assert.Contains($"Wrote {new FileInfo(output).Length} bytes to {output}", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportVerb_WithoutOut_WritesToStandardOutput()
    {
        var stdout = new StringWriter();
        var code = await ExportVerb.RunAsync(["export", "completion", .. Config()], stdout, TextWriter.Null);
        Assert.Equal(0, code);
        Assert.StartsWith("participant_id,name,email,status,", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("1,김민준,minjun@example.com,failed,0,0,1,no,0,weeks 1 missed (0 allowed)\r\n", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("export everything")]
    [InlineData("export participants --out=")]
    public async Task ExportVerb_WithBadArguments_PrintsUsage_AndExits2(string line)
    {
        var stderr = new StringWriter();
        var code = await ExportVerb.RunAsync(line.Split(' '), TextWriter.Null, stderr);
        Assert.Equal(2, code);
        Assert.StartsWith("Usage: cohortbot export <participants|submissions|rsvps|completion|calendar>", stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnectionFactory.ReleaseAll();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string[] Config()
    {
        var cohortFile = Path.Combine(_dir, "cohort.yaml");
        File.WriteAllText(cohortFile, """
            cohort:
              id: cli-cohort
              name: CLI
              time_zone: Asia/Seoul
              starts: 2020-09-01
              ends: 2020-12-31
              registration: closed
            weeks:
              - number: 1
                title: One
                opens: 2020-09-14 00:00
                deadline: 2020-09-20 23:59
            roster:
              - name: 김민준
                email: minjun@example.com
                discord: "123456789012345678"
            """);
        return [$"--Cohort:File={cohortFile}", $"--Storage:DatabasePath={Path.Combine(_dir, "db.sqlite")}", $"--Storage:ProofDirectory={Path.Combine(_dir, "proofs")}"];
    }
}

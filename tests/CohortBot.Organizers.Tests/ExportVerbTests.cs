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
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, (await File.ReadAllBytesAsync(output))[..3]);
    }

    [Fact]
    public async Task ExportVerb_WithoutOut_WritesToStandardOutput()
    {
        var stdout = new StringWriter();
        var code = await ExportVerb.RunAsync(["export", "completion", .. Config()], stdout, TextWriter.Null);
        Assert.Equal(0, code);
        // A pipe gets plain UTF-8 text: no byte order mark in front of the header.
        Assert.StartsWith("participant_id,name,email,status,", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("1,김민준,minjun@example.com,failed,0,0,1,no,0,weeks 1 missed (0 allowed)\r\n", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export", "cohortbot export: which export? One of participants, submissions, rsvps, completion, calendar.")]
    [InlineData("export everything", "cohortbot export: there is no 'everything' export")]
    [InlineData("export participants --out=", "cohortbot export: --out needs a file name")]
    [InlineData("export participants --out", "cohortbot export: --out needs a file name")]
    [InlineData("export participants --out a.csv --out b.csv", "cohortbot export: --out is given twice")]
    [InlineData("export participants --bogus-flag", "cohortbot export: '--bogus-flag' is not a setting")]
    [InlineData("export participants stray", "cohortbot export: 'stray' is not an option")]
    public async Task ExportVerb_WithBadArguments_NamesTheProblem_PrintsUsage_AndExits2(string line, string problem)
    {
        var stderr = new StringWriter();
        var code = await ExportVerb.RunAsync(line.Split(' '), TextWriter.Null, stderr);
        Assert.Equal(2, code);
        Assert.StartsWith(problem, stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage: cohortbot export <participants|submissions|rsvps|completion|calendar>", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportVerb_WithAnUnknownFlagBeforeAnOverride_RefusesInsteadOfExportingTheDefaultDatabase()
    {
        var output = Path.Combine(_dir, "out.csv");
        var config = Config();
        var stderr = new StringWriter();

        // The flag without a value used to swallow the next argument (the database override) as its value.
        var code = await ExportVerb.RunAsync(["export", "participants", "--out", output, config[0], "--bogus-flag", config[1], config[2]], TextWriter.Null, stderr);

        Assert.Equal(2, code);
        Assert.Contains("'--bogus-flag' is not a setting", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(Path.Combine(_dir, "db.sqlite")));
    }

    [Fact]
    public async Task ExportVerb_OutWithoutAValue_DoesNotTakeTheNextArgumentAsAFolder()
    {
        var config = Config();
        var stderr = new StringWriter();
        var cwd = Directory.GetCurrentDirectory();

        var code = await ExportVerb.RunAsync(["export", "participants", "--out", .. config], TextWriter.Null, stderr);

        var strayFolders = Directory.EnumerateDirectories(cwd, "--*").ToList();
        strayFolders.ForEach(d => Directory.Delete(d, recursive: true));
        Assert.Empty(strayFolders);
        Assert.Equal(2, code);
        Assert.StartsWith("cohortbot export: --out needs a file name", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportVerb_AcceptsOverridesAsKeySpaceValue_AndUsesThem()
    {
        var config = Config();
        var stdout = new StringWriter();

        var code = await ExportVerb.RunAsync(["export", "participants", .. config.SelectMany(c => c.Split('=', 2))], stdout, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Contains("1,김민준,minjun@example.com", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "db.sqlite")));
    }

    [Theory]
    [InlineData("--Storage:DatabsePath=x.db", "Storage:DatabsePath is not a setting")]
    [InlineData("--Storage:BusyTimeout=00:00:00", "Storage:BusyTimeout must be between")]
    public async Task ExportVerb_ValidatesSettingsLikeTheBotDoes(string setting, string expected)
    {
        var config = Config();
        var stderr = new StringWriter();

        var ex = await Record.ExceptionAsync(() => ExportVerb.RunAsync(["export", "participants", .. config, setting], TextWriter.Null, stderr));

        var failures = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(ex).Failures;
        Assert.Contains(failures, f => f.Contains(expected, StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(_dir, "db.sqlite")));
    }

    [Fact]
    public async Task ExportVerb_OutOnAFolder_SaysSo()
    {
        var stderr = new StringWriter();

        var code = await ExportVerb.RunAsync(["export", "participants", "--out", _dir, .. Config()], TextWriter.Null, stderr);

        Assert.Equal(2, code);
        Assert.StartsWith($"cohortbot export: --out {_dir} is a folder; give a file name", stderr.ToString(), StringComparison.Ordinal);
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

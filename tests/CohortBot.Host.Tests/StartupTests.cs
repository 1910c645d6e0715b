using CohortBot.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData("--Storage:BusyTimeout=00:00:00", "Storage:BusyTimeout must be between")]
    [InlineData("--Storage:DatabasePath=", "Storage:DatabasePath is required")]
    [InlineData("--Proofs:MaxImageBytes=12", "Proofs:MaxImageBytes must be between")]
    [InlineData("--Terminal:User=two words", "Terminal:User must be 1-64 characters")]
    [InlineData("--Storage:Provider=mysql", "Storage:Provider is 'mysql'; it must be 'sqlite'")]
    [InlineData("--Storage:Provider=postgres", "Storage:ConnectionString is required with Storage:Provider=postgres")]
    [InlineData("--Schedules:ClusterCheckinInterval=00:00:00.500", "Schedules:ClusterCheckinInterval must be between 00:00:01 and 00:05:00")]
    public async Task InvalidOption_StopsStartWithTheKeyNamed(string arg, string expected)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        using var host = CohortBotHost.Build(["--Cohort:File=" + folder.File("cohort.yaml"), "--Storage:DatabasePath=" + folder.File("db"), arg]);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(ex.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Process_WithBadCohortFile_ExitsNonZeroNamingTheLine()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml.Replace("time_zone: Asia/Seoul", "time_zone: Asia/Nowhere", StringComparison.Ordinal));
        var (code, stderr) = await RunProcessAsync(folder, "--Cohort:File=" + folder.File("cohort.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("line 4: cohort.time_zone 'Asia/Nowhere' is not a known IANA time zone", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_WithMistypedOption_ExitsNonZeroNamingTheKey()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        var (code, stderr) = await RunProcessAsync(folder, "--Cohort:File=" + folder.File("cohort.yaml"), "--Storage:BusyTimeout=soon");
        Assert.Equal(2, code);
        Assert.Contains("BusyTimeout", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_WithoutTheCohortFile_ExitsTwo_InsteadOfUsingACopyBesideTheProgram()
    {
        using var folder = new TempFolder();

        // No --Cohort:File: the default config/cohort.yaml, which this folder does not have.
        var (code, stderr) = await RunProcessAsync(folder);

        Assert.Equal(2, code);
        Assert.Contains("cannot read config/cohort.yaml", stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder.Path, "config", "cohort.yaml"), stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("bot.db")));
    }

    [Fact]
    public async Task Process_WithAFileThatIsNotADatabase_ExitsTwoNamingIt()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        await File.WriteAllTextAsync(folder.File("bot.db"), string.Concat(Enumerable.Repeat("this is a shopping list, not a database\n", 200)));

        var (code, stderr) = await RunProcessAsync(folder, "--Cohort:File=" + folder.File("cohort.yaml"));

        Assert.Equal(2, code);
        Assert.Contains($"CohortBot cannot start: the database {folder.File("bot.db")} cannot be used: it is not a SQLite database", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Logging:Console:FormatterName=xml", "Logging:Console:FormatterName must be simple or json; 'xml' is not")]
    [InlineData("--Organizers:discrod:Roles:0=900000000000000001", "Organizers:discrod is not a platform")]
    [InlineData("--Organizers:discord:Rols:0=900000000000000001", "Organizers:discord:Rols is not a setting")]
    [InlineData("--Storage:DatabsePath=elsewhere.db", "Storage:DatabsePath is not a setting")]
    [InlineData("--Discrod:Token=x", "'--Discrod:Token=x' is not a setting")]
    [InlineData("--bogus-flag", "'--bogus-flag' is not a setting")]
    [InlineData("--Terminal:User", "--Terminal:User has no value")]
    public async Task Process_WithASettingItCannotUse_ExitsTwoNamingTheKey(string arg, string expected)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);

        // The bad argument comes first: a flag without a value must not swallow the next setting.
        var (code, stderr) = await RunProcessAsync(folder, arg, "--Cohort:File=" + folder.File("cohort.yaml"));

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("bot.db")));
    }

    [Theory]
    [InlineData("--Slack:Http:Urls=localhost:3000", "Slack:Http:Urls must be http(s) URLs separated by ';'")]
    [InlineData("--Discord:HttpInteractions:Urls=http://127.0.0.1:5080;tcp://x", "Discord:HttpInteractions:Urls must be http(s) URLs separated by ';'")]
    public async Task Process_WithAnEndpointUrlKestrelCannotUse_ExitsTwoNamingTheKey(string arg, string expected)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        string[] platform = arg.StartsWith("--Slack", StringComparison.Ordinal)
            ? ["--Slack:Http:Enabled=true", "--Slack:SigningSecret=test-secret", "--Slack:BotToken=xoxb-test", "--Slack:ApiBaseUrl=http://127.0.0.1:9/api/"]
            : ["--Discord:HttpInteractions:Enabled=true", "--Discord:PublicKey=" + new string('a', 64), "--Discord:Token=test-token", "--Discord:ApplicationId=1", "--Discord:ApiBaseUrl=http://127.0.0.1:9/api/v10"];

        var (code, stderr) = await RunProcessAsync(folder, [arg, "--Cohort:File=" + folder.File("cohort.yaml"), .. platform]);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stderr)> RunProcessAsync(TempFolder folder, params string[] args)
    {
        var (code, _, stderr) = await HostProcess.RunAsync(folder, string.Empty, null, args);
        return (code, stderr);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using CohortBot.Host.Startup;
using CohortBot.Testing;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Tests;

/// <summary>What a container needs from the program: a health endpoint, a health verb for HEALTHCHECK, a clear exit without tokens or a terminal, user-secrets in Development.</summary>
public sealed class ContainerTests
{
    [Fact]
    public async Task HealthEndpoints_SayLiveAndReady_WithTheDatabaseChecked()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        // The bot runs in this process; the health verb, as HEALTHCHECK runs it, is the real program.
        await using var bot = await InProcessHost.StartAsync(folder, "--Cohort:File=" + folder.File("cohort.yaml"), "--Management:Enabled=true", "--Management:Url=http://127.0.0.1:0");
        var url = bot.ManagementUrl();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

        using var live = await http.GetAsync("/health/live");
        using var ready = await http.GetAsync("/health/ready");
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        var (verb, verbOut, _) = await HostProcess.RunAsync(folder, string.Empty, null, "health", "--Management:Url=" + url);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["database"]!["status"]);
        Assert.Equal(0, verb);
        Assert.Contains("Healthy", verbOut, StringComparison.Ordinal);
        bot.Input.Type("/help");
        await bot.Output.WaitForAsync("/submit week:");
        await bot.EndInputAndWaitAsync();
    }

    [Fact]
    public async Task Readiness_IsNotReady_WhileAConfiguredPlatformIsNotConnected_ButLivenessIs()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        // Discord configured, but its API answers nowhere: the gateway never becomes ready.
        await using var bot = await InProcessHost.StartAsync(folder, "--Cohort:File=" + folder.File("cohort.yaml"),
            "--Management:Enabled=true", "--Management:Url=http://127.0.0.1:0",
            "--Discord:Token=test-token", "--Discord:ApplicationId=700000000000000001", "--Discord:ApiBaseUrl=http://127.0.0.1:9/api/v10",
            "--Discord:RequestTimeout=00:00:02", "--Discord:ServerErrorRetries=0");
        var url = bot.ManagementUrl();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

        using var live = await http.GetAsync("/health/live");
        using var ready = await http.GetAsync("/health/ready");
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        var (verb, _, verbErr) = await HostProcess.RunAsync(folder, string.Empty, null, "health", "--Management:Url=" + url);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Healthy", (string?)report["checks"]!["database"]!["status"]);
        Assert.NotEqual("Healthy", (string?)report["checks"]!["discord-gateway"]!["status"]);
        Assert.Equal(1, verb);
        Assert.Contains("discord-gateway", verbErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthVerb_WithNothingListening_ExitsOneSayingSo()
    {
        using var folder = new TempFolder();

        var (code, _, stderr) = await HostProcess.RunAsync(folder, string.Empty, null, "health", "--Management:Url=http://127.0.0.1:9");

        Assert.Equal(1, code);
        Assert.Contains("http://127.0.0.1:9/health/ready", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagementListener_IsOffByDefault()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        await using var bot = await InProcessHost.StartAsync(folder, "--Cohort:File=" + folder.File("cohort.yaml"));

        bot.Input.Type("/help");
        await bot.Output.WaitForAsync("/submit week:");
        await bot.EndInputAndWaitAsync();

        Assert.True(bot.Logs.Contains(" ready ("), "the log was captured: " + string.Join("\n", bot.Logs.Lines));
        Assert.False(bot.Logs.Contains("Management listener"), string.Join("\n", bot.Logs.Lines));
    }

    // The start fails as the program's does; that such a failure is exit 2 with its message and no
    // stack trace is StartupTests' process-level claim (Process_WithAnEndpointUrlKestrelCannotUse for
    // an options failure at start, Process_WithAFileThatIsNotADatabase for a hosted service's
    // StartupException, the same path as the listener's).
    [Theory]
    [InlineData("--Management:Url=ftp://127.0.0.1:8081")]
    [InlineData("--Management:Url=http://127.0.0.1:8081/health")]
    public async Task ManagementUrl_ThatKestrelCannotServe_StopsStart(string setting)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => InProcessHost.StartAsync(folder, "--Cohort:File=" + folder.File("cohort.yaml"), "--Management:Enabled=true", setting));

        Assert.Contains(ex.Failures, f => f.Contains("Management:Url must be one http URL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManagementUrl_OnAPortInUse_StopsStartNamingTheKey()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var ex = await Assert.ThrowsAsync<StartupException>(() => InProcessHost.StartAsync(folder, "--Cohort:File=" + folder.File("cohort.yaml"), "--Management:Enabled=true", $"--Management:Url=http://127.0.0.1:{port}"));

        Assert.Contains($"the management listener cannot listen on http://127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Management:Url", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTokens_AndWithoutInput_ItSaysWhatItNeeds_AndExitsTwo()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);

        // What `docker run` without -it and without tokens gives the program: no chat platform, an empty standard input.
        var (code, _, stderr) = await HostProcess.RunAsync(folder, string.Empty, null, "--Cohort:File=" + folder.File("cohort.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("no chat platform is configured and standard input ended before any command", stderr, StringComparison.Ordinal);
        Assert.Contains("COHORTBOT__DISCORD__TOKEN", stderr, StringComparison.Ordinal);
        Assert.Contains("docker run -it", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheTerminalAskedForByName_AnEmptyInput_IsANormalStopAfterTheImport()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);

        // A script that only migrates the database and imports the cohort (the benchmark does this).
        var (code, _, stderr) = await HostProcess.RunAsync(folder, string.Empty, null, "--Cohort:File=" + folder.File("cohort.yaml"), "--Terminal:Enabled=true");

        Assert.True(code == 0, $"exit {code}:\n{stderr}");
        Assert.DoesNotContain("standard input ended before any command", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("data/cohortbot.db")) || Directory.EnumerateFiles(folder.Path, "*.db", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [InlineData("Development", "You are secretive.")]
    [InlineData("Production", "You are you.")]
    public async Task UserSecrets_AreReadInDevelopmentOnly(string environment, string expected)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);
        var secrets = Path.Combine(folder.Path, "appdata", "Microsoft", "UserSecrets", CohortBotHost.UserSecretsId);
        Directory.CreateDirectory(secrets);
        await File.WriteAllTextAsync(Path.Combine(secrets, "secrets.json"), """{ "Terminal:User": "secretive" }""");
        var env = new Dictionary<string, string> { ["APPDATA"] = Path.Combine(folder.Path, "appdata"), ["DOTNET_ENVIRONMENT"] = environment };

        var (code, stdout, stderr) = await HostProcess.RunAsync(folder, "/help\n", env, "--Cohort:File=" + folder.File("cohort.yaml"));

        Assert.True(code == 0, stderr);
        Assert.Contains(expected, stdout, StringComparison.OrdinalIgnoreCase);
    }
}

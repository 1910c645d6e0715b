using System.Text.RegularExpressions;
using CohortBot.Discord;
using CohortBot.Host.Options;
using CohortBot.Host.ScaleOut;
using CohortBot.Slack;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Tests;

/// <summary>
/// deploy/compose.yaml, checked without a container engine: each bot instance's environment (over
/// the image's own ENV) builds the real host and passes the same validation a start runs — unknown
/// keys refused, every option validated — on PostgreSQL, with the leased Gateway, the HTTP
/// interactions endpoint and Socket Mode; volumes, networks and services it names exist, the proof
/// folder is one volume all instances share, the proxy reaches every instance on the port it
/// listens on, and secrets come only from variables that deploy/example.env lists.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Root = RepositoryRoot();

    private static readonly string Deploy = Path.Combine(Root, "deploy");

    [Fact]
    public void EachBotInstance_BuildsTheHost_AndPassesItsStartupValidation_OnPostgres()
    {
        var compose = Load();
        Assert.Equal(new[] { "bot-1", "bot-2" }, Bots(compose));
        foreach (var bot in Bots(compose))
        {
            var settings = Settings(compose, bot);
            Assert.Empty(KnownSettings.Problems(settings));
            using var host = CohortBotHost.Build(Arguments(settings));
            host.Services.GetRequiredService<IStartupValidator>().Validate();

            var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            Assert.True(StorageProviders.IsPostgres(storage), bot);
            Assert.Equal("/data/proofs", storage.ProofDirectory);
            Assert.True(host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value.HttpInteractions.Enabled, bot);
            // The Gateway under the database lease (one instance at a time), Slack on a socket of its own.
            Assert.NotNull(host.Services.GetService<LeasedHostedService>());
            Assert.StartsWith("xapp-", host.Services.GetRequiredService<IOptions<SlackOptions>>().Value.AppToken, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("COHORTBOT__STORAGE__PROVIDR", "postgres", "STORAGE:PROVIDR is not a setting")]
    [InlineData("COHORTBOT__DISCROD__TOKEN", "x", "DISCROD is not a setting")]
    [InlineData("COHORTBOT__DISCORD__PUBLICKEY", "not-hex", "Discord:PublicKey must be the application's 64-character hex public key")]
    [InlineData("COHORTBOT__STORAGE__CONNECTIONSTRING", "Database=cohortbot", "Storage:ConnectionString names no Host")]
    public void AMistakeInTheComposeEnvironment_WouldStopTheBot(string key, string value, string message)
    {
        var settings = Settings(Load(), "bot-1", (key, value));

        var problems = KnownSettings.Problems(settings).ToList();
        if (problems.Count == 0)
        {
            var refused = Assert.Throws<OptionsValidationException>(() =>
            {
                using var host = CohortBotHost.Build(Arguments(settings));
                host.Services.GetRequiredService<IStartupValidator>().Validate();
            });
            problems.AddRange(refused.Failures);
        }

        Assert.Contains(problems, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Variables_AreAllInTheExampleEnv_AndSecretsComeOnlyFromThem()
    {
        var compose = Load();
        Assert.Empty(compose.Variables.Except(ExampleEnvironment().Keys));
        Assert.Empty(ExampleEnvironment().Keys.Except(compose.Variables));
        var raw = File.ReadAllText(Path.Combine(Deploy, "compose.yaml"));
        foreach (Match secret in SecretSetting().Matches(raw))
        {
            Assert.Contains("${", secret.Groups["value"].Value, StringComparison.Ordinal);
        }

        Assert.Contains("deploy/.env", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
    }

    [Fact]
    public void VolumesNetworksAndServices_AreDefined_TheProofFolderIsShared_AndTheDockerfileExists()
    {
        var compose = Load();
        var volumes = compose.TopLevel("volumes");
        var networks = compose.TopLevel("networks");
        foreach (var service in compose.ServiceNames)
        {
            foreach (var (source, target, bind) in compose.Volumes(service))
            {
                Assert.True(bind ? File.Exists(source) || Directory.Exists(source) : volumes.Contains(source), $"{service}: {source} (mounted at {target}) does not exist");
            }

            Assert.NotEmpty(compose.List(service, "networks"));
            Assert.All(compose.List(service, "networks"), n => Assert.Contains(n, networks));
            Assert.All(compose.List(service, "depends_on"), d => Assert.Contains(d, compose.ServiceNames));
        }

        foreach (var bot in Bots(compose))
        {
            var dockerfile = Path.Combine(compose.Folder, compose.Scalar(bot, "build", "context")!, compose.Scalar(bot, "build", "dockerfile") ?? "Dockerfile");
            Assert.True(File.Exists(dockerfile), $"{bot}: {dockerfile} does not exist");
            Assert.Empty(compose.List(bot, "ports")); // only the proxy is reachable from outside
        }

        // One named volume holds the proof folder, and every instance mounts that same one.
        var proofVolumes = Bots(compose).Select(bot =>
        {
            var proofs = Environment(compose, bot)["COHORTBOT__STORAGE__PROOFDIRECTORY"];
            return compose.Volumes(bot).Single(v => !v.Bind && (proofs + "/").StartsWith(v.Target.TrimEnd('/') + "/", StringComparison.Ordinal)).Source;
        }).Distinct();
        Assert.Single(proofVolumes);
    }

    [Fact]
    public void TheProxy_SendsInteractionsToEveryBot_OnThePortItListensOn()
    {
        var compose = Load();
        var caddyfile = File.ReadAllText(Path.Combine(Deploy, "Caddyfile"));
        Assert.Contains(compose.Volumes("proxy"), v => v.Bind && v.Source == Path.Combine(Deploy, "Caddyfile") && v.Target == "/etc/caddy/Caddyfile");
        Assert.Contains("{$COHORTBOT_PUBLIC_HOST} {", caddyfile, StringComparison.Ordinal);
        Assert.True(compose.Environment("proxy").ContainsKey("COHORTBOT_PUBLIC_HOST"));
        Assert.Equal(["443:443", "80:80"], compose.List("proxy", "ports").Order());

        // The bot serves POST /interactions (HttpInteractionsService); the proxy forwards that path.
        var route = ProxyRoute().Match(caddyfile);
        Assert.True(route.Success, caddyfile);
        Assert.Equal("/interactions", route.Groups["path"].Value);
        var upstreams = route.Groups["upstreams"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(u => u.Split(':')).ToList();
        Assert.Equal(Bots(compose), upstreams.Select(u => u[0]).Order().ToList());
        foreach (var upstream in upstreams)
        {
            var env = Environment(compose, upstream[0]);
            Assert.Equal("true", env["COHORTBOT__DISCORD__HTTPINTERACTIONS__ENABLED"]);
            var ports = env["COHORTBOT__DISCORD__HTTPINTERACTIONS__URLS"].Split(';').Select(u => new Uri(u).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(upstream[1], ports);
        }
    }

    private static ComposeFile Load() => new(Path.Combine(Deploy, "compose.yaml"), ExampleEnvironment());

    /// <summary>The services that run the bot: built from the repository's Dockerfile.</summary>
    private static List<string> Bots(ComposeFile compose) =>
        [.. compose.ServiceNames.Where(s => compose.Scalar(s, "build", "context") is not null).Order()];

    /// <summary>What the container's process sees: the image's ENV, then the service's environment.</summary>
    private static Dictionary<string, string> Environment(ComposeFile compose, string bot)
    {
        var environment = DockerfileEnvironment();
        foreach (var (key, value) in compose.Environment(bot))
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>
    /// The environment as the host reads it: its configuration source for <c>COHORTBOT__</c>
    /// variables (<c>COHORTBOT__A__B</c> is <c>A:B</c>), with the cohort file's path in the
    /// container mapped back through its bind mount to the file in the repository.
    /// </summary>
    private static IConfigurationRoot Settings(ComposeFile compose, string bot, params (string Key, string Value)[] changes)
    {
        var environment = Environment(compose, bot);
        foreach (var (key, value) in changes)
        {
            environment[key] = value;
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in environment)
        {
            if (!key.StartsWith(CohortBotHost.EnvironmentPrefix, StringComparison.Ordinal))
            {
                // A single underscore (COHORTBOT_STORAGE__…) or no prefix: the bot would never see it.
                Assert.True(key == "DOTNET_ENVIRONMENT", $"{bot}: {key} is not read by the bot (its settings start with {CohortBotHost.EnvironmentPrefix}).");
                continue;
            }

            var mounted = compose.Volumes(bot).FirstOrDefault(v => v.Bind && v.Target == value);
            settings[key[CohortBotHost.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = mounted.Source ?? value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <summary>The same settings on the host's command line (the tests cannot set the process's environment).</summary>
    private static string[] Arguments(IConfigurationRoot settings) =>
        [.. settings.AsEnumerable().Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}")];

    private static Dictionary<string, string> DockerfileEnvironment()
    {
        var text = File.ReadAllText(Path.Combine(Root, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n').Where(l => l.StartsWith("ENV ", StringComparison.Ordinal)))
        {
            foreach (var pair in line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)))
            {
                environment[pair[0]] = pair[1];
            }
        }

        Assert.NotEmpty(environment);
        return environment;
    }

    private static Dictionary<string, string> ExampleEnvironment() =>
        File.ReadAllLines(Path.Combine(Deploy, "example.env"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CohortBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CohortBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"handle (?<path>/\S*) \{\s*reverse_proxy (?<upstreams>[^{\n]+) \{")]
    private static partial Regex ProxyRoute();

    [GeneratedRegex(@"(?im)^\s*(?<key>[A-Z_]*(TOKEN|SECRET|PASSWORD|PUBLICKEY|CONNECTIONSTRING)[A-Z_]*):\s*(?<value>.*)$")]
    private static partial Regex SecretSetting();
}

using CohortBot.Charts;
using CohortBot.Core;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Digests;
using CohortBot.Core.Inbound;
using CohortBot.Core.Organizers;
using CohortBot.Core.Reviews;
using CohortBot.Core.Submissions;
using CohortBot.Discord;
using CohortBot.Host.Cli;
using CohortBot.Host.Dashboard;
using CohortBot.Host.CohortFile;
using CohortBot.Host.Options;
using CohortBot.Host.Logging;
using CohortBot.Host.Management;
using CohortBot.Host.Scheduling;
using CohortBot.Host.Startup;
using CohortBot.Host.Telemetry;
using CohortBot.Storage;
using CohortBot.Storage.Sqlite;
using CohortBot.Slack;
using CohortBot.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CohortBot.Host;

/// <summary>The composition root: configuration, options, storage, core, adapters.</summary>
public static class CohortBotHost
{
    public const string EnvironmentPrefix = ConfigurationSources.EnvironmentPrefix;

    public const string UserSecretsId = ConfigurationSources.UserSecretsId;

    /// <summary>
    /// Builds the host; <paramref name="configure"/> lets tests replace services (console, clock) before the
    /// host registers its own (which defer to them), <paramref name="replace"/> after (the last registration wins).
    /// </summary>
    public static IHost Build(string[] args, Action<HostApplicationBuilder>? configure = null, Action<IServiceCollection>? replace = null)
    {
        if (SettingArguments.Problems(args) is { Count: > 0 } argumentProblems)
        {
            throw new OptionsValidationException("command line", typeof(string[]), argumentProblems);
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = ConfigurationSources.EnvironmentName(),
            DisableDefaults = true,
        });
        ConfigurationSources.Add(builder.Configuration, builder.Environment.EnvironmentName, builder.Environment.ContentRootPath, args);
        if (KnownSettings.Problems(builder.Configuration) is { Count: > 0 } settingProblems)
        {
            throw new OptionsValidationException("configuration", typeof(IConfiguration), settingProblems);
        }

        ConfigureLogging(builder);
        configure?.Invoke(builder);

        var services = builder.Services;
        AddOptions(services, builder.Configuration);

        // The cohort file is read here, before anything starts, so its errors are the first thing shown.
        var cohortFile = builder.Configuration.GetSection(CohortFileOptions.Section).Get<CohortFileOptions>() ?? new CohortFileOptions();
        var cohortPath = cohortFile.Resolve();
        if (!File.Exists(cohortPath))
        {
            throw new StartupException($"cannot read {cohortFile.File} ({cohortPath}): there is no such file. Set Cohort:File (env COHORTBOT__COHORT__FILE) to your cohort file; the repository's config/cohort.yaml is a commented sample.");
        }

        var definition = CohortFileReader.Read(cohortPath);
        services.AddSingleton(definition);
        services.AddSingleton(CohortFileFingerprint.Of(cohortPath));
        services.AddSingleton(new ActiveCohort(definition.Slug));
        services.AddSingleton(definition.Completion);

        services.AddCohortCore();
        services.AddDigestChart();
        services.AddStorage();
        ScaleOut.SharedRateBudget.Apply(services, builder.Configuration);
        services.AddSingleton<ICohortResolver, ActiveCohortResolver>();
        services.AddCohortSchedules(builder.Configuration);
        services.AddCohortTelemetry(builder.Configuration);

        // Order matters: hosted services start in this order and stop in reverse.
        services.AddHostedService<CommandDrain>();
        services.AddHostedService<DatabaseStartup>();
        // After the database (the start-up sync has scheduled the jobs), before the adapters; it
        // stops before the database is released and waits for running jobs.
        services.AddScheduler();
        // Before the adapters: a port already in use stops the start before any platform connects,
        // and /health/ready reports the adapters as not ready until they are.
        services.AddManagement(builder.Configuration);
        services.AddDashboard(builder.Configuration);
        AddAdapters(services, builder.Configuration);

        // Every registration resolvable, and no scoped service captured by a singleton, checked when
        // the container is built (DisableDefaults turned off what Development would have done).
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        replace?.Invoke(builder.Services);
        return builder.Build();
    }

    private static void ConfigureLogging(HostApplicationBuilder builder)
    {
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // Structured logs: scopes carry platform, user and command; "json" gives one JSON object a
        // line, the default one text line with the scopes as Key=value.
        var json = string.Equals(builder.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase);
        builder.Logging.AddConsole(o =>
        {
            // Standard output is the terminal chat; logs go to standard error so the two never mix.
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = json ? ConsoleFormatterNames.Json : ScopedLineFormatter.FormatterName;
        });
        if (json)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddConsoleFormatter<ScopedLineFormatter, ConsoleFormatterOptions>();
        }
    }

    private static void AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProofOptions>().BindConfiguration(ProofOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CohortBot.Core.Flood.FloodOptions>().BindConfiguration(CohortBot.Core.Flood.FloodOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TerminalOptions>().BindConfiguration(TerminalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CohortFileOptions>().BindConfiguration(CohortFileOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboundOptions>().BindConfiguration(InboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OrganizerOptions>().Configure(o => configuration.GetSection(OrganizerOptions.Section).Bind(o.Platforms)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrganizerOptions>, OrganizerOptionsValidator>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
    }

    private static void AddAdapters(IServiceCollection services, IConfiguration configuration)
    {
        // A platform is on as soon as any of its credentials is configured; its options validation
        // then names whatever else it needs, rather than the bot silently ignoring half a setup.
        var anyChatPlatform = false;
        if (Configured(configuration, "Discord:Token", "Discord:ApplicationId"))
        {
            services.AddDiscordAdapter(configuration);
            ScaleOut.GatewayLease.Apply(services, configuration);
            anyChatPlatform = true;
        }

        if (Configured(configuration, "Slack:AppToken", "Slack:BotToken", "Slack:SigningSecret"))
        {
            services.AddSlackAdapter(configuration);
            anyChatPlatform = true;
        }

        var terminal = configuration.GetValue<bool?>($"{TerminalOptions.Section}:{nameof(TerminalOptions.Enabled)}");
        if (terminal ?? !anyChatPlatform)
        {
            if (!anyChatPlatform)
            {
                // The terminal is the only way in: Program tells apart "nothing was ever typed".
                var input = new TerminalInput(Console.In);
                services.AddSingleton(input);
                services.TryAddSingleton(_ => new TerminalIO(input, Console.Out, Console.IsInputRedirected));
            }

            services.AddTerminalAdapter();
        }
    }

    private static bool Configured(IConfiguration configuration, params string[] keys) =>
        keys.Any(k => !string.IsNullOrWhiteSpace(configuration[k]));
}

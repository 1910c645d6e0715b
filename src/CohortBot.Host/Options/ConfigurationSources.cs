using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CohortBot.Host.Options;

/// <summary>
/// Where settings come from, later ones winning: <c>appsettings.json</c> beside the program,
/// <c>config/appsettings.local.json</c>, .NET user-secrets (Development only), <c>COHORTBOT__</c>
/// environment variables, the command line. Shared by the bot and its CLI verbs.
/// </summary>
public static class ConfigurationSources
{
    public const string EnvironmentPrefix = "COHORTBOT__";

    /// <summary>The id of <c>dotnet user-secrets</c> (also <c>UserSecretsId</c> in the Host project).</summary>
    public const string UserSecretsId = "cohortbot-7d3f6a52-host";

    /// <summary>DOTNET_ENVIRONMENT (the generic host does not read it when its defaults are off), else Production.</summary>
    public static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } name ? name : Environments.Production;

    public static void Add(IConfigurationBuilder configuration, string environmentName, string contentRoot, string[] args)
    {
        configuration.Sources.Clear();
        configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(contentRoot, "config", "appsettings.local.json"), optional: true, reloadOnChange: false);
        if (string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            // Tokens on a developer's machine without a file in the repository: dotnet user-secrets set Discord:Token …
            configuration.AddUserSecrets(UserSecretsId, reloadOnChange: false);
        }

        configuration
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(args);
    }
}

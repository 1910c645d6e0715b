using CohortBot.Core.RateLimits;
using CohortBot.Storage;
using CohortBot.Storage.Postgres;
using CohortBot.Storage.RateLimits;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Host.ScaleOut;

/// <summary>
/// On PostgreSQL (several instances), Discord's and Slack's rate limits are kept together: each
/// bot token's budget lives in the database, and every instance takes its permits from it. On
/// SQLite there is one instance, and the adapters' own limiters are all there is to it.
/// </summary>
internal static class SharedRateBudget
{
    public static void Apply(IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (StorageProviders.IsPostgres(storage) && !string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            services.AddSingleton<IRateBudget>(sp => new PostgresRateBudget((PostgresDatabase)sp.GetRequiredService<Database>()));
        }
    }
}

using Microsoft.Extensions.Options;
using Npgsql;

namespace CohortBot.Storage.Sqlite;

/// <summary>
/// Checks the provider and what it needs at start-up, so a typo in <c>Storage:Provider</c> or a
/// missing connection string stops the bot with a sentence instead of a driver's stack trace later.
/// </summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.Equals(options.Provider, StorageProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        if (!StorageProviders.IsPostgres(options))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider is '{options.Provider}'; it must be 'sqlite' (a local file, the default) or 'postgres'.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:ConnectionString is required with Storage:Provider=postgres, e.g. Host=db;Database=cohortbot;Username=cohortbot;Password=... (or set it through the environment: Storage__ConnectionString).");
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host))
            {
                return ValidateOptionsResult.Fail("Storage:ConnectionString names no Host: say which PostgreSQL server to use (Host=...).");
            }
        }
        catch (ArgumentException ex)
        {
            // The message names the bad keyword, never the value (which could be a password).
            return ValidateOptionsResult.Fail("Storage:ConnectionString is not a valid PostgreSQL connection string: " + ex.Message);
        }

        return ValidateOptionsResult.Success;
    }
}

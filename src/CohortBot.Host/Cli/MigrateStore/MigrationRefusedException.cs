namespace CohortBot.Host.Cli.MigrateStore;

/// <summary>Something to fix before migrate-store can copy (exit code 2); nothing was written.</summary>
internal sealed class MigrationRefusedException(string message) : Exception(message);

namespace CohortBot.Host.Startup;

/// <summary>
/// Something the operator must fix before the bot can run (a missing cohort file, a file that is
/// not a database): shown as one clear sentence, exit code 2, no stack trace.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

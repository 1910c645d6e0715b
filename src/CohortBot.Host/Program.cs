using CohortBot.Core.Cohorts;
using CohortBot.Host;
using CohortBot.Host.Cli;
using CohortBot.Host.Startup;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// Exit codes: 0 normal stop, 2 configuration / cohort file / database problem, 1 anything else.
try
{
    if (ExportVerb.Matches(args))
    {
        return await ExportVerb.RunAsync(args, Console.Out, Console.Error);
    }

    using var host = CohortBotHost.Build(args);
    await host.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine("CohortBot cannot start: the configuration is not valid.");
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine("  - " + failure);
    }

    return 2;
}
catch (CohortFileException ex)
{
    Console.Error.WriteLine("CohortBot cannot start: " + ex.Message);
    return 2;
}
catch (StartupException ex)
{
    Console.Error.WriteLine("CohortBot cannot start: " + ex.Message);
    return 2;
}
catch (SchemaTooNewException ex)
{
    Console.Error.WriteLine("CohortBot cannot start: " + ex.Message);
    return 2;
}
catch (InvalidOperationException ex) when (ex.InnerException is FormatException or InvalidCastException)
{
    // Configuration binding: a value of the wrong type, e.g. Storage:BusyTimeout=soon.
    Console.Error.WriteLine("CohortBot cannot start: " + ex.Message + " " + ex.InnerException.Message);
    return 2;
}

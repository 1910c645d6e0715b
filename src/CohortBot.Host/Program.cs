using CohortBot.Core.Cohorts;
using CohortBot.Host;
using CohortBot.Host.Cli;
using CohortBot.Host.Cli.MigrateStore;
using CohortBot.Host.Startup;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// Exit codes: 0 normal stop, 2 configuration / cohort file / database problem, 1 anything else.
try
{
    if (ExportVerb.Matches(args))
    {
        return await ExportVerb.RunAsync(args, Console.Out, Console.Error);
    }

    if (BackupVerb.Matches(args))
    {
        return await BackupVerb.RunAsync(args, Console.Out, Console.Error);
    }

    if (RestoreVerb.Matches(args))
    {
        return await RestoreVerb.RunAsync(args, Console.Out, Console.Error);
    }

    if (MigrateStoreVerb.Matches(args))
    {
        return await MigrateStoreVerb.RunAsync(args, Console.Out, Console.Error);
    }

    if (HealthVerb.Matches(args))
    {
        return await HealthVerb.RunAsync(args, Console.Out, Console.Error);
    }

    using var host = CohortBotHost.Build(args);
    // RunAsync disposes the container: take what is needed afterwards now.
    var terminalInput = host.Services.GetService<TerminalInput>();
    // Asked for by name (a script that only migrates and imports), an empty input is a normal stop.
    var terminalAskedFor = host.Services.GetRequiredService<IConfiguration>().GetValue<bool?>("Terminal:Enabled") == true;
    var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
    try
    {
        await host.RunAsync();
    }
    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
    {
        // A stop asked for while still starting (Ctrl+C, or a script that ended first): a normal stop.
    }

    if (terminalInput is { EndedBeforeAnyLine: true } && !terminalAskedFor)
    {
        Console.Error.WriteLine(
            "CohortBot stopped: no chat platform is configured and standard input ended before any command. " +
            "Set Discord or Slack credentials (COHORTBOT__DISCORD__TOKEN and COHORTBOT__DISCORD__APPLICATIONID, or " +
            "COHORTBOT__SLACK__APPTOKEN and COHORTBOT__SLACK__BOTTOKEN; see docs/deploy.md), or use the terminal chat " +
            "interactively (in a container: docker run -it …).");
        return 2;
    }

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

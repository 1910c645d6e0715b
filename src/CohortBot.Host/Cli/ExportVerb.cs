using CohortBot.Core.Cohorts;
using CohortBot.Core.Exports;
using CohortBot.Core.Messages;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CohortBot.Host.Cli;

/// <summary>
/// <c>cohortbot export &lt;kind&gt; [--out file] [configuration overrides]</c>: builds the host's
/// services without starting any adapter, migrates and syncs the cohort file as start-up would,
/// writes one CSV export (to standard output without <c>--out</c>) and exits.
/// </summary>
public static class ExportVerb
{
    public const string Name = "export";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Action<HostApplicationBuilder>? configure = null)
    {
        if (!TryParse(args, out var kind, out var output, out var rest))
        {
            await stderr.WriteLineAsync($"Usage: cohortbot export <{string.Join("|", CohortExporter.Kinds)}> [--out <file>] [--Storage:DatabasePath=…]");
            return 2;
        }

        using var host = CohortBotHost.Build(rest, configure);
        var services = host.Services;
        var clock = services.GetRequiredService<TimeProvider>();
        var definition = services.GetRequiredService<CohortDefinition>();
        await services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        var cohortStore = services.GetRequiredService<ICohortStore>();
        await cohortStore.SyncAsync(definition, clock.GetUtcNow(), CancellationToken.None);
        var cohort = (await cohortStore.FindAsync(definition.Slug, CancellationToken.None))!;

        await using var scope = services.CreateAsyncScope();
        var texts = scope.ServiceProvider.GetRequiredService<MessageCatalogue>().For(cohort.Language);
        var file = (await scope.ServiceProvider.GetRequiredService<CohortExporter>().ExportAsync(cohort, kind, clock.GetUtcNow(), texts, CancellationToken.None))!;
        SqliteConnectionFactory.ReleaseAll();
        if (output is null)
        {
            await stdout.WriteAsync(Csv.Encoding.GetString(file.Content)); // CSV and .ics are both UTF-8 text
            await stdout.FlushAsync();
            return 0;
        }

        var path = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, file.Content);
        await stderr.WriteLineAsync($"Wrote {file.Content.Length} bytes to {path}");
        return 0;
    }

    private static bool TryParse(string[] args, out string kind, out string? output, out string[] rest)
    {
        kind = args.Length > 1 ? args[1].ToLowerInvariant() : string.Empty;
        output = null;
        var others = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length)
            {
                output = args[++i];
            }
            else if (args[i].StartsWith("--out=", StringComparison.Ordinal))
            {
                output = args[i]["--out=".Length..];
            }
            else
            {
                others.Add(args[i]);
            }
        }

        rest = [.. others];
        return CohortExporter.Kinds.Contains(kind) && output is not "";
    }
}

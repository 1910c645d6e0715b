using System.Diagnostics;
using System.Globalization;
using CohortBot.Bench;
using CohortBot.Core;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Notifications;
using CohortBot.Core.Schedules;
using CohortBot.Storage;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Reminder fan-out through the outbox: N participants who have not submitted, one DM each,
// through a platform that allows R calls a second. Usage: [participants] [perSecond] [latencyMs] [concurrency]
var participants = Arg(0, 5000);
var perSecond = Arg(1, 50);
var latency = TimeSpan.FromMilliseconds(Arg(2, 20));
var concurrency = Arg(3, 8);

var folder = Directory.CreateTempSubdirectory("cohortbot-bench-").FullName;
var platform = new RateLimitedPlatform(perSecond, latency);
var services = new ServiceCollection()
    .AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
    .AddCohortCore()
    .AddSqliteStorage()
    .AddSingleton<IChatPlatform>(platform)
    .AddSingleton(new ActiveCohort("bench"));
services.AddOptions<StorageOptions>().Configure(o => o.DatabasePath = Path.Combine(folder, "bench.db"));
services.AddOptions<ScheduleOptions>().Configure(o =>
{
    o.FanOutConcurrency = concurrency;
    o.ApplyDefaults();
});
services.AddOptions<ChannelOptions>();
await using var provider = services.BuildServiceProvider();

await provider.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
// Whole seconds, like deadlines in a cohort file (the ledger keys instants by the second).
var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
var due = now.AddHours(48);
var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
var roster = Enumerable.Range(1, participants)
    .Select(i => new RosterEntry($"Participant {i}", null, new Dictionary<string, string> { ["terminal"] = $"p{i}" }, i))
    .ToList();
var definition = new CohortDefinition("bench", "Bench", seoul, now.AddDays(-7), now.AddDays(30), false, "en", null,
    [new WeekDefinition(1, "Week 1", null, now.AddDays(-1), due, null, 1)], [], roster);
var sync = await provider.GetRequiredService<ICohortStore>().SyncAsync(definition, now, CancellationToken.None);
var moment = new ScheduledMoment(MomentKind.DeadlineReminder, sync.CohortId, "week:1", due, TimeSpan.FromHours(48));
var work = provider.GetRequiredService<ScheduledWork>();

var watch = Stopwatch.StartNew();
await work.RunAsync(moment, CancellationToken.None);
var first = watch.Elapsed;

// A restart after a crash mid fan-out re-walks every recipient: each key is found confirmed and
// nothing may go out again. Measured on the whole list, the worst case.
watch.Restart();
var cohort = (await provider.GetRequiredService<ICohortStore>().FindAsync("bench", CancellationToken.None))!;
await provider.GetRequiredService<CohortBot.Core.Reminders.DeadlineReminders>().RunAsync(cohort, moment, CancellationToken.None);
await work.SweepAsync(CancellationToken.None);
var second = watch.Elapsed;

var sent = platform.Received.Values.Sum();
var duplicates = platform.Received.Values.Count(n => n > 1);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"participants={participants} limit={perSecond}/s latency={latency.TotalMilliseconds}ms concurrency={concurrency}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fan-out: {sent} DMs in {first.TotalSeconds:F1} s = {sent / first.TotalSeconds:F1} msg/s (ideal at the limit: {(perSecond > 0 ? participants / (double)perSecond : 0):F1} s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"re-walk of all confirmed keys + sweep: {second.TotalMilliseconds:F0} ms, duplicates={duplicates}, peak working set={Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB"));

SqliteConnectionFactory.ReleaseAll();
Directory.Delete(folder, recursive: true);
return duplicates == 0 && sent == participants ? 0 : 1;

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

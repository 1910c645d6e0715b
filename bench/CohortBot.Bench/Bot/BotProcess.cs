using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace CohortBot.Bench.Bot;

/// <summary>
/// The real host, built in the same configuration as the bench, run as a child process with the
/// given settings on the command line (environment COHORTBOT__* cleared, so nothing of the
/// machine's leaks in). Its logs go to a file. Every child is killed when the bench ends, on
/// Ctrl+C and on SIGTERM as well.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private readonly Process _process;
    private readonly StreamWriter _log;

    private BotProcess(Process process, StreamWriter log, long startedAt)
    {
        _process = process;
        _log = log;
        StartedAt = startedAt;
    }

    /// <summary>Stopwatch timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static string HostDirectory(BenchOptions options)
    {
        var directory = options.HostDirectory
            ?? typeof(BotProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "HostDirectory").Value!;
        directory = Path.GetFullPath(directory);
        if (!File.Exists(Path.Combine(directory, "cohortbot.dll")))
        {
            throw new FileNotFoundException($"The host is not built at {directory}; run the bench with 'dotnet run -c Release --project bench/CohortBot.Bench', which builds it.");
        }

        return directory;
    }

    public static BotProcess Start(string hostDirectory, string workDirectory, IEnumerable<string> args, string logPath)
    {
        var appHost = Path.Combine(hostDirectory, "cohortbot");
        var info = File.Exists(appHost)
            ? new ProcessStartInfo(appHost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(hostDirectory, "cohortbot.dll") } };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.WorkingDirectory = workDirectory;
        info.UseShellExecute = false;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("COHORTBOT__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = false };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        var startedAt = Stopwatch.GetTimestamp();
        process.Start();
        Live[process.Id] = process;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, log, startedAt);
    }

    public ProcStats? Stats() => ProcStats.Read(_process.Id);

    public bool ResetPeak() => ProcStats.ResetPeak(_process.Id);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        try
        {
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
        catch (OperationCanceledException)
        {
        }

        Live.TryRemove(_process.Id, out _);
        lock (_log)
        {
            _log.Flush();
        }

        await _log.DisposeAsync();
        _process.Dispose();
    }

    /// <summary>Kills every child still running (process exit, Ctrl+C, SIGTERM).</summary>
    public static void KillAll()
    {
        foreach (var process in Live.Values)
        {
            Kill(process);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}

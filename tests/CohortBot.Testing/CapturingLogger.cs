using System.Collections.Concurrent;
using CohortBot.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CohortBot.Testing;

/// <summary>
/// Keeps every log entry (level, category, formatted message with exception text) so tests can
/// check what was logged, and that no secret was.
/// </summary>
public sealed class CapturingLogger : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    /// <summary>Fires at every entry.</summary>
    public Pulse Logged { get; } = new();

    /// <summary>Each entry as one line: <c>Level Category: message exception</c>.</summary>
    public IEnumerable<string> Lines => Entries.Select(e => e.ToString());

    public bool Contains(string text) => Lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>For a <see cref="CohortServices"/>: replaces its null loggers with ones that write here.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddSingleton(typeof(ILogger<>), typeof(CapturedLogger<>));
    }

    public IReadOnlyList<LogEntry> AtLeast(LogLevel level) => Entries.Where(e => e.Level >= level).ToList();

    public Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, string what) =>
        Eventually.ValueAsync(() => Entries.FirstOrDefault(match), Logged, what);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLogger owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
            owner.Logged.Fire();
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CohortBot.Organizers.Tests;

/// <summary>Keeps formatted log lines so tests can check that refusals are logged.</summary>
internal sealed class CapturingLogger : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? string.Empty : " | " + exception)));

    public void Dispose()
    {
    }
}

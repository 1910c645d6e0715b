using Microsoft.Extensions.Logging;

namespace CohortBot.Testing;

/// <summary>The typed logger <see cref="CapturingLogger.Install"/> puts in place of the null ones: it writes to the capture.</summary>
public sealed class CapturedLogger<T>(CapturingLogger capture) : ILogger<T>
{
    private readonly ILogger _inner = capture.CreateLogger(typeof(T).Name);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _inner.Log(logLevel, eventId, state, exception, formatter);
}

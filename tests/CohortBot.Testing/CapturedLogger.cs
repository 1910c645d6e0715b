using Microsoft.Extensions.Logging;

namespace CohortBot.Testing;

/// <summary>A logger that writes "Level Category: message | exception" lines to a <see cref="LogCapture"/>.</summary>
public sealed class CapturedLogger<T>(LogCapture capture) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        capture.Add($"{logLevel} {typeof(T).Name}: {formatter(state, exception)}" + (exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message));
}

using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CohortBot.Testing;

/// <summary>Every log line of a <see cref="CohortServices"/>, with its exception, for tests that assert what the log names.</summary>
public sealed class LogCapture
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public bool Contains(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Replaces the null loggers with ones that write here.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddSingleton(typeof(ILogger<>), typeof(CapturedLogger<>));
    }

    internal void Add(string line) => _lines.Enqueue(line);
}

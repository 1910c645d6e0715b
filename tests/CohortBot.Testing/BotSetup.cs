using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CohortBot.Testing;

/// <summary>What a test changes about the <see cref="BotHarness"/>: settings, clock, adapters.</summary>
public sealed class BotSetup
{
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TestClock Clock { get; set; } = new();

    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Debug;

    /// <summary>Adds adapters and replacements, with the configuration the host would pass them.</summary>
    public Action<IServiceCollection, IConfiguration>? Services { get; set; }
}

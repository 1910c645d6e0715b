using Microsoft.Playwright;

namespace CohortBot.Dashboard.Tests;

/// <summary>
/// One headless chromium for the browser tests (the <see cref="ChromiumCollection"/>): Debian's (<c>apt-get install chromium</c>, done by
/// .ci/run), driven by Playwright through its executable path; Playwright downloads nothing.
/// <c>COHORTBOT_CHROMIUM</c> names another executable.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string Executable =>
        Environment.GetEnvironmentVariable("COHORTBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"No chromium at {Executable}: install Debian's chromium (apt-get install chromium, as .ci/run does) or set COHORTBOT_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Executable, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

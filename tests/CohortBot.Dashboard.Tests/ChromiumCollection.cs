namespace CohortBot.Dashboard.Tests;

/// <summary>
/// The classes that drive chromium share one (<see cref="BrowserFixture"/>): a launch of Playwright's
/// driver and of the browser is a good part of a second of CPU, and each test opens its own context,
/// so no cookie or page is shared between tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "chromium";
}

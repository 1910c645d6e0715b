namespace CohortBot.Slack.Tests.Protocol;

/// <summary>Reads a payload fixture from <c>Fixtures/</c> (copied next to the test assembly).</summary>
internal static class Fixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}

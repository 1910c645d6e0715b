using CohortBot.Testing;

namespace CohortBot.Host.Tests;

public sealed class DigestChartTerminalTests
{
    [Fact]
    public async Task Digest_InTheTerminal_WritesTheChartPng_AndPrintsItsPath()
    {
        using var folder = new TempFolder();
        var transcript = await TerminalRun.RunAsync(folder, "/submit week:2 url:https://example.com/p\n/as organizer\n/digest\n", SampleCohort.Now);

        var reply = TerminalRun.ReplyTo(transcript, "organizer> /digest");
        var line = reply.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("file: ", StringComparison.Ordinal) && l.EndsWith(".png", StringComparison.Ordinal));
        var path = line["file: ".Length..];
        Assert.StartsWith(folder.File("files"), path, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));
        Assert.Contains($"The chart is in the attached {Path.GetFileName(path)}.", reply, StringComparison.Ordinal);
    }
}

using CohortBot.Testing;

namespace CohortBot.Host.Tests;

public sealed class LogFormatTests
{
    [Fact]
    public async Task DefaultConsoleFormat_PrintsTheScopesKeysAndValues()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);

        // An organizer-only command from a participant logs a warning inside the command's scope.
        var (code, _, stderr) = await HostProcess.RunAsync(folder, "/audit\n", null, "--Cohort:File=" + folder.File("cohort.yaml"), "--Terminal:User=alice");

        Assert.Equal(0, code);
        var line = Assert.Single(stderr.ReplaceLineEndings("\n").Split('\n'), l => l.Contains("Refused organizer command", StringComparison.Ordinal));
        Assert.Contains("warn: CohortBot.Core.Commands.CommandDispatcher", line, StringComparison.Ordinal);
        Assert.Contains("=> Platform=terminal User=alice Command=audit", line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections.Generic", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonConsoleFormat_CarriesTheScopeAsProperties()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("cohort.yaml"), SampleCohort.Yaml);

        var (code, _, stderr) = await HostProcess.RunAsync(folder, "/audit\n", null, "--Cohort:File=" + folder.File("cohort.yaml"), "--Terminal:User=alice", "--Logging:Console:FormatterName=json");

        Assert.Equal(0, code);
        var line = Assert.Single(stderr.ReplaceLineEndings("\n").Split('\n'), l => l.Contains("Refused organizer command", StringComparison.Ordinal));
        var scopes = System.Text.Json.Nodes.JsonNode.Parse(line)!["Scopes"]!.AsArray();
        Assert.Contains(scopes, s => (string?)s?["User"] == "alice" && (string?)s?["Command"] == "audit");
    }
}

public sealed class ScopedLineFormatterTests
{
    [Fact]
    public void ControlCharacters_InScopesAndMessages_AreEscaped_SoALineCannotBeForged()
    {
        var scopes = new Microsoft.Extensions.Logging.LoggerExternalScopeProvider();
        using var _ = scopes.Push(new Dictionary<string, object?> { ["User"] = "eve\u001b[2J\nfail: forged", ["Command"] = null });
        using var __ = scopes.Push("plain text scope");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 9, 30, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        var formatter = new Logging.ScopedLineFormatter(clock);
        var writer = new StringWriter();

        formatter.Write(
            new Microsoft.Extensions.Logging.Abstractions.LogEntry<string>(Microsoft.Extensions.Logging.LogLevel.Warning, "Cat", new Microsoft.Extensions.Logging.EventId(7), "said \u0007hi\r\n", null, (s, _) => s),
            scopes,
            writer);

        Assert.Equal("09:30:00 warn: Cat[7] => User=eve\\u001B[2J\\nfail: forged Command= => plain text scope said \\u0007hi\\r\\n" + Environment.NewLine, writer.ToString());
    }
}

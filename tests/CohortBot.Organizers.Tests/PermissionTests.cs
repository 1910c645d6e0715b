using CohortBot.Core.Commands;
using CohortBot.Core.Participants;
using Microsoft.Extensions.Logging;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

public sealed class PermissionTests
{
    public static TheoryData<string> OrganizerCommands() => new(Catalogue.All.Where(c => c.OrganizerOnly).Select(c => c.Name));

    [Fact]
    public void EveryOrganizerCommand_IsMarkedOrganizerOnly()
    {
        string[] expected = ["review", "approve", "reject", "audit"];
        Assert.Subset(Catalogue.All.Where(c => c.OrganizerOnly).Select(c => c.Name).ToHashSet(), expected.ToHashSet());
    }

    [Fact]
    public async Task UnknownCommand_ListsOrganizerCommands_OnlyToOrganizers()
    {
        await using var f = await CreateAsync();

        var participant = await f.TypeAsync("minjun", "/teleport");
        var organizer = await f.TypeAsync(OrgA, "/teleport");

        Assert.StartsWith("I don't know the command /teleport. Try one of: ", participant.Text, StringComparison.Ordinal);
        Assert.Contains("/submit", participant.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/review", participant.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/event-create", participant.Text, StringComparison.Ordinal);
        Assert.Contains("/review", organizer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganizerCommand_WithBadOptions_FromAParticipant_IsRefusedBeforeItsOptionsAreDescribed()
    {
        await using var f = await CreateAsync();

        var reply = await f.RunAsync(new Invocation("extend", new Dictionary<string, object?> { ["colour"] = "red" }, User("minjun")));

        Assert.Equal("Sorry, /extend is for organizers only.", reply.Text);
    }

    [Theory]
    [MemberData(nameof(OrganizerCommands))]
    public async Task OrganizerCommand_FromAParticipant_IsRefusedPolitely_AndLogged(string command)
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await ReviewQueueTests.Submit(f, "minjun", 1, "https://example.com/a");

        var reply = await f.RunAsync(new Invocation(command, ValidOptions(command), User("minjun")));

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal($"Sorry, /{command} is for organizers only.", reply.Text);
        Assert.Empty(reply.Buttons);
        Assert.Empty(reply.Files);
        Assert.Contains(f.Logs.Entries, l => l.Level == LogLevel.Warning && l.Message == $"Refused organizer command {command} for terminal user minjun: not an organizer");
        Assert.Empty(f.Dms.DirectMessages);
    }

    [Theory]
    [MemberData(nameof(OrganizerCommands))]
    public async Task OrganizerCommand_FromAnOrganizerNameOnAnotherPlatform_IsRefused(string command)
    {
        await using var f = await CreateAsync();
        var reply = await f.RunAsync(new Invocation(command, ValidOptions(command), new PlatformUser("discord", OrgA, OrgA)));
        Assert.Equal($"Sorry, /{command} is for organizers only.", reply.Text);
    }

    [Theory]
    [MemberData(nameof(OrganizerCommands))]
    public async Task OrganizerCommand_FromAConfiguredOrganizer_IsNotRefused(string command)
    {
        await using var f = await CreateAsync();
        var reply = await f.RunAsync(new Invocation(command, ValidOptions(command), User(OrgB)));
        Assert.DoesNotContain("organizers only", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_FromAParticipant_ChangesNothing()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-15 10:00");
        await ReviewQueueTests.Submit(f, "minjun", 1, "https://example.com/a");
        var proof = ReviewQueueTests.ProofOf(await f.RunAsync(OrgA, "review"));

        await f.RunAsync("seoyeon", "approve", ("proof", proof));

        var approved = await f.RunAsync(OrgA, "approve", ("proof", proof));
        Assert.StartsWith("Approved", approved.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ShowsOrganizerCommands_OnlyToOrganizers()
    {
        await using var f = await CreateAsync();
        var participant = await f.RunAsync("minjun", "help");
        var organizer = await f.RunAsync(OrgA, "help");
        Assert.DoesNotContain(participant.Fields, x => x.Name.StartsWith("/review", StringComparison.Ordinal));
        Assert.Contains(organizer.Fields, x => x.Name.StartsWith("/review", StringComparison.Ordinal));
    }

    /// <summary>Options that bind, so the refusal (not a binding error) is what the test sees.</summary>
    internal static Dictionary<string, object?> ValidOptions(string command)
    {
        var options = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in Catalogue.Find(command)!.Options.Where(o => o.Required))
        {
            options[o.Name] = o.Type switch
            {
                OptionType.Integer => o.MinValue ?? 1L,
                OptionType.Boolean => true,
                OptionType.Attachment => new InvocationAttachment("roster.csv", 5, _ => Task.FromResult<Stream>(new MemoryStream("name\n"u8.ToArray()))),
                _ => SampleText(command, o.Name),
            };
        }

        return options;
    }

    private static string SampleText(string command, string option) => (command, option) switch
    {
        (_, "proof") => "w1",
        ("report", "kind") => "completion",
        ("export", "kind") => "participants",
        (_, "participant") => "minjun@example.com",
        (_, "event") => "tt-one",
        (_, "until") => "2026-10-10 23:59",
        _ => "x",
    };
}

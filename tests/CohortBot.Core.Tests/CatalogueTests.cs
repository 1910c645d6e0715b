using System.Reflection;
using CohortBot.Core.Commands;
using CohortBot.Core.Messages;

namespace CohortBot.Core.Tests;

public sealed class CatalogueTests
{
    private readonly MessageCatalogue _messages = new();

    [Fact]
    public void EveryCommandAndOption_HasADescriptionInEveryLanguage()
    {
        foreach (var language in _messages.Languages)
        {
            var entries = _messages.Entries(language);
            foreach (var command in Catalogue.All)
            {
                Assert.True(entries.ContainsKey(command.DescriptionKey), $"{language}: {command.DescriptionKey}");
                foreach (var option in command.Options)
                {
                    Assert.True(entries.ContainsKey(option.DescriptionKey(command.Name)), $"{language}: {option.DescriptionKey(command.Name)}");
                }
            }
        }
    }

    [Fact]
    public void EveryLanguage_HasTheSameKeysAndPlaceholdersAsEnglish()
    {
        var english = _messages.Entries(MessageCatalogue.DefaultLanguage);
        foreach (var language in _messages.Languages)
        {
            var entries = _messages.Entries(language);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), entries.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, template) in english)
            {
                Assert.True(MessageCatalogue.PlaceholdersOf(template).SetEquals(MessageCatalogue.PlaceholdersOf(entries[key])), $"{language}: {key}");
            }
        }
    }

    [Fact]
    public void Korean_KeepsOneRegister_AndChoosesParticlesForTheWord()
    {
        foreach (var (key, text) in _messages.Entries("ko"))
        {
            // 해요체 throughout: no 합니다체 endings.
            Assert.DoesNotMatch(@"(습니다|입니다|합니다|됩니다)", text);
            // No generic fallbacks like 인증을(를): a particle follows a fixed word, never a placeholder.
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, @"\((을|를|은|는|이|가|으|과|와)\)"), $"{key}: {text}");
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, @"\}(을|를|은|는|이|가|과|와|으로)(?![가-힣])"), $"{key}: {text}");
        }
    }

    [Fact]
    public void Korean_TellsGoingFromAttended()
    {
        var ko = _messages.Entries("ko");
        Assert.Contains("참석 예정", ko["progress.rsvp_going"], StringComparison.Ordinal);
        Assert.Contains("참석 예정", ko["events.seats_open"], StringComparison.Ordinal);
        foreach (var key in new[] { "progress.attended", "attendance.marked", "attendance.already", "completion.reason.events" })
        {
            Assert.Contains("출석", ko[key], StringComparison.Ordinal);
            Assert.DoesNotContain("참석", ko[key], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CommandNames_FitDiscordAndSlackRules()
    {
        Assert.Equal(Catalogue.All.Count, Catalogue.All.Select(c => c.Name).Distinct().Count());
        foreach (var command in Catalogue.All)
        {
            Assert.Matches("^[a-z][a-z0-9_-]{0,31}$", command.Name);
            Assert.True(command.Options.Count <= 25);
            Assert.Equal(command.Options.OrderByDescending(o => o.Required).Select(o => o.Name), command.Options.Select(o => o.Name));
        }
    }

    [Fact]
    public void Format_FillsPlaceholdersAndTokenisesInstants()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var text = _messages.Format("en", "submit.accepted", new { week = 3, deadline = at });
        Assert.Contains("Week 3", text, StringComparison.Ordinal);
        Assert.Contains("⟦t:1800000000:F⟧", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LanguageFor_FallsBackToEnglish()
    {
        Assert.Equal("en", _messages.LanguageFor("xx-YY"));
        Assert.Equal("en", _messages.LanguageFor(null));
        Assert.Equal("en", _messages.LanguageFor("en-US"));
    }

    [Fact]
    public void Core_DependsOnNothingPlatformSpecific()
    {
        var forbidden = new[] { "Dapper", "Microsoft.Data.Sqlite", "Quartz", "Discord", "Slack", "Microsoft.AspNetCore", "YamlDotNet", "Npgsql" };
        var references = typeof(Catalogue).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
        Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void EveryCatalogueCommand_HasExactlyOneHandler()
    {
        var handlers = typeof(Catalogue).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICommandHandler).IsAssignableFrom(t))
            .ToList();
        var names = handlers.Select(h => ((CommandDescriptor)h.GetProperty(nameof(ICommandHandler.Command))!
            .GetValue(System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(h))!).Name).ToList();
        Assert.Equal(Catalogue.All.Select(c => c.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }
}

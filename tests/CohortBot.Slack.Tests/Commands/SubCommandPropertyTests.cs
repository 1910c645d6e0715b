using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Slack.Commands;
using CohortBot.Testing;

namespace CohortBot.Slack.Tests.Commands;

/// <summary>Any text after <c>/cohort</c>: parsed, or a problem both languages can say; never an exception. Seeded.</summary>
public sealed class SubCommandPropertyTests
{
    [Fact]
    public void SlashCommandText_AnyInput_ParsesOrNamesAProblemInBothLanguages()
    {
        var texts = new MessageCatalogue();
        var commands = Catalogue.All.Select(c => c.Name).ToArray();
        Cases.Run(400, seed =>
        {
            var h = new HostileText(seed);
            var text = (h.Chance(0.7) ? h.Pick(commands) : h.Text()) + string.Concat(Enumerable.Range(0, h.Next(6)).Select(_ => " " + h.Text()));
            var result = SubCommandParser.Parse(text);
            Assert.NotNull(result.Command);
            if (result.Problem is { } problem)
            {
                Assert.DoesNotContain(problem.Key, texts.For("en")[problem.Key, problem.Args], StringComparison.Ordinal);
                Assert.DoesNotContain(problem.Key, texts.For("ko")[problem.Key, problem.Args], StringComparison.Ordinal);
            }
        });
    }
}

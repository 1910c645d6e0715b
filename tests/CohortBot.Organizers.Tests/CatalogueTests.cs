using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Organizers.Tests;

public sealed class CatalogueTests
{
    [Fact]
    public async Task EveryCatalogueCommand_HasExactlyOneHandler()
    {
        await using var f = await OrganizerFixture.CreateAsync();
        await using var scope = f.Services.CreateAsyncScope();
        var handled = scope.ServiceProvider.GetServices<ICommandHandler>().Select(h => h.Command.Name).ToList();
        Assert.Equal(Catalogue.All.Select(c => c.Name).Order(StringComparer.Ordinal), handled.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCommandAndOption_IsDescribed_WithinDiscordsLimits()
    {
        var en = new MessageCatalogue().Entries("en");
        foreach (var command in Catalogue.All)
        {
            Assert.True(command.Name.Length <= 32, command.Name);
            Assert.InRange(en[command.DescriptionKey].Length, 1, 100);
            Assert.True(command.Options.Count <= 25, command.Name);
            foreach (var option in command.Options)
            {
                Assert.InRange(en[option.DescriptionKey(command.Name)].Length, 1, 100);
            }
        }
    }
}

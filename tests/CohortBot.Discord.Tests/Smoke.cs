namespace CohortBot.Discord.Tests; public sealed class Smoke { [Fact] public void Runs() => Assert.True(true); }

using CohortBot.Fakes;
using CohortBot.Slack.Tests.Fakes;
using CohortBot.Testing;

namespace CohortBot.Slack.Tests.Interactivity;

/// <summary>
/// A trigger id lives 3 seconds. In a rush views.open waits its turn in Slack's rate limit (Tier 4,
/// about 100 a minute); waiting past the trigger's life could never open the modal, and it held one
/// of the adapter's workers meanwhile (in the benchmark, 200 image submissions in 4 s stalled every
/// worker for a minute). The bot gives up when the trigger dies and answers with the text instead.
/// </summary>
public sealed class ModalTriggerTests
{
    [Fact]
    public async Task AModalThatCannotOpenWithinTheTriggersLife_IsAnsweredWithText_AndTheWorkerIsFreed()
    {
        var clock = new TestClock();
        await using var fake = await FakeSlack.StartAsync(clock);
        await using var bot = await SlackBot.StartAsync(fake);
        var socket = await fake.NextSocketAsync();
        await bot.WaitConnectedAsync();
        var hold = new Gate();
        fake.ViewsOpenHold = hold;
        try
        {
            var envelope = await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "submit 1", trigger: Payloads.NewTrigger(), responseId: "late-modal"), acceptsResponsePayload: true);
            await Eventually.TrueAsync(() => hold.Held == 1, hold.Changed, "views.open held at the fake");

            clock.Advance(TimeSpan.FromSeconds(3.1));

            var ack = await fake.AckFor(envelope);
            var text = ack.Ack["payload"] is { } payload ? payload.ToText() : (await fake.WaitForResponsePostAsync("late-modal")).ToText();
            Assert.Contains("submit", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(bot.Logs.Lines, l => l.Contains("The trigger expired before views.open could run", StringComparison.Ordinal));

            // The worker is free: the next command is answered while views.open is still held.
            var next = await socket.SendEnvelopeAsync("slash_commands", Payloads.Slash(fake, "deadlines", responseId: "next"), acceptsResponsePayload: true);
            Assert.NotNull((await fake.AckFor(next)).Ack["payload"]);
        }
        finally
        {
            hold.Open();
        }
    }
}

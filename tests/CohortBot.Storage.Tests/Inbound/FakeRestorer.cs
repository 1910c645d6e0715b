using System.Collections.Concurrent;
using CohortBot.Core.Inbound;

namespace CohortBot.Storage.Tests.Inbound;

/// <summary>Rebuilds fake conversations from the inbox and keeps them, so a test can see how they were answered.</summary>
internal sealed class FakeRestorer(TimeProvider clock) : IInboundRestorer
{
    public string Platform => "fake";

    public ConcurrentDictionary<string, FakeConversation> Restored { get; } = new();

    public Func<FakeConversation, FakeConversation> Prepare { get; set; } = c => c;

    public IInboundConversation? Restore(InboxEntry entry)
    {
        var conversation = Prepare(new FakeConversation(entry.DeliveryId, entry.ReceivedAt, clock, restored: true) { Entry = entry });
        Restored[entry.DeliveryId] = conversation;
        FakeConversation.Activity.Fire();
        return conversation;
    }
}

namespace CohortBot.Core.Inbound;

/// <summary>Identifies one delivery across restarts: the platform and the platform's own id for it.</summary>
public readonly record struct InboxKey(string Platform, string DeliveryId)
{
    public override string ToString() => Platform + ":" + DeliveryId;
}

namespace CohortBot.Core.Outbox;

/// <summary>
/// What makes a scheduled message unique: its kind (<c>deadline</c>, <c>event</c>, …), its subject
/// (what it is about, including the instant it is about, so a moved deadline is a new subject),
/// its recipient (<c>discord:123</c>, <c>slack#C01</c>, or <c>*</c> for the fan-out job itself) and
/// the offset before the subject's instant.
/// </summary>
public sealed record DeliveryKey(string Kind, string Subject, string Recipient, TimeSpan Offset)
{
    /// <summary>The recipient that stands for the whole fan-out of one scheduled moment.</summary>
    public const string Job = "*";

    public DeliveryKey ForRecipient(string recipient) => this with { Recipient = recipient };

    public override string ToString() => $"{Kind}/{Subject}/{Recipient}/{Offset}";
}

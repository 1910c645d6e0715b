using CohortBot.Core.Commands;

namespace CohortBot.Testing;

public sealed record SentMessage(bool IsChannel, string Target, Reply Message, DateTimeOffset At);

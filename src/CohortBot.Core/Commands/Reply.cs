namespace CohortBot.Core.Commands;

/// <summary>
/// The neutral answer to an invocation. Text may contain time tokens from
/// <see cref="Time.TimeMarkup"/>; adapters render them for the reader.
/// </summary>
public sealed record Reply(string Text)
{
    public string? Title { get; init; }

    public ReplyTone Tone { get; init; } = ReplyTone.Info;

    /// <summary>Only the caller sees it. Personal commands answer ephemerally.</summary>
    public bool Ephemeral { get; init; } = true;

    public IReadOnlyList<ReplyField> Fields { get; init; } = [];

    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    public ReplyForm? Form { get; init; }

    public IReadOnlyList<ReplyFile> Files { get; init; } = [];

    public static Reply Error(string text) => new(text) { Tone = ReplyTone.Error };

    public static Reply Success(string text) => new(text) { Tone = ReplyTone.Success };

    public static Reply Warning(string text) => new(text) { Tone = ReplyTone.Warning };
}

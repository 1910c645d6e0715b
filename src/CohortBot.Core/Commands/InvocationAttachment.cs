namespace CohortBot.Core.Commands;

/// <summary>
/// A file the user attached. Adapters download platform files before dispatch (chat CDN links
/// expire), so <see cref="OpenAsync"/> reads bytes the adapter already holds or can read locally.
/// </summary>
/// <param name="FileName">Name as the user gave it; never trusted as a type.</param>
/// <param name="DeclaredSize">Size the platform claims, in bytes; checked before reading.</param>
/// <param name="OpenAsync">Opens the content for reading.</param>
public sealed record InvocationAttachment(string FileName, long DeclaredSize, Func<CancellationToken, Task<Stream>> OpenAsync)
{
    public static InvocationAttachment FromBytes(string fileName, byte[] content) =>
        new(fileName, content.LongLength, _ => Task.FromResult<Stream>(new MemoryStream(content, writable: false)));
}

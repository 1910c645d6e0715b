namespace CohortBot.Core.Fetching;

/// <summary>
/// A fetch the <see cref="FileFetchPolicy"/> does not allow: a host off the list, a redirect
/// elsewhere or to another scheme, an address on the inside. An <see cref="HttpRequestException"/>,
/// so callers that already turn failed downloads into a polite reply do the same with this.
/// </summary>
public sealed class FetchRefusedException(string reason) : HttpRequestException(reason);

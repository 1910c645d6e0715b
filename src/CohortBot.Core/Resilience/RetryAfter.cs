using System.Globalization;
using System.Net.Http.Headers;

namespace CohortBot.Core.Resilience;

/// <summary>How long a 429 asks to wait: its <c>Retry-After</c> header (seconds or a date), bounded.</summary>
public static class RetryAfter
{
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } value)
        {
            var wait = value.Delta ?? (value.Date is { } date ? date - now : null);
            if (wait is not null)
            {
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        // Discord sends fractional seconds, which the typed header cannot hold.
        return headers.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}

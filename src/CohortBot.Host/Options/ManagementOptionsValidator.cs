using Microsoft.Extensions.Options;

namespace CohortBot.Host.Options;

/// <summary>Checks <see cref="ManagementOptions"/> at start, naming the key.</summary>
internal sealed class ManagementOptionsValidator : IValidateOptions<ManagementOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagementOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        return Uri.TryCreate(options.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && url.AbsolutePath == "/" && url.Query.Length == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Management:Url must be one http URL with a host and port and no path, e.g. http://127.0.0.1:8081; '{options.Url}' is not.");
    }
}

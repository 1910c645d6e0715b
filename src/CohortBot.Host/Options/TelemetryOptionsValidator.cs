using Microsoft.Extensions.Options;

namespace CohortBot.Host.Options;

/// <summary>Checks <see cref="TelemetryOptions"/> at start, naming the key.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public static readonly string[] Protocols = ["grpc", "http/protobuf"];

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var problems = new List<string>();
        if (options.OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"Telemetry:OtlpEndpoint must be an http or https URL, e.g. http://127.0.0.1:4317; '{endpoint}' is not.");
        }

        if (!Protocols.Contains(options.OtlpProtocol, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"Telemetry:OtlpProtocol must be one of {string.Join(", ", Protocols)}; '{options.OtlpProtocol}' is not.");
        }

        if (options.OtlpExportInterval < TimeSpan.FromSeconds(1) || options.OtlpExportInterval > TimeSpan.FromMinutes(10))
        {
            problems.Add("Telemetry:OtlpExportInterval must be between 00:00:01 and 00:10:00.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

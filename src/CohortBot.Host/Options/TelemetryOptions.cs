namespace CohortBot.Host.Options;

/// <summary>
/// Where metrics and traces go (section <c>Telemetry</c>). The Prometheus endpoint <c>/metrics</c>
/// is on the management listener whenever that is on; OTLP export (metrics and traces) only when
/// <see cref="OtlpEndpoint"/> is set. See docs/operations.md.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>An OTLP collector, e.g. <c>http://127.0.0.1:4317</c> (gRPC) or <c>http://127.0.0.1:4318</c> (HTTP).</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Traces to OTLP too (the default when an endpoint is set); metrics only when false.</summary>
    public bool Traces { get; set; } = true;

    /// <summary>How often metrics are pushed to OTLP.</summary>
    public TimeSpan OtlpExportInterval { get; set; } = TimeSpan.FromSeconds(15);
}

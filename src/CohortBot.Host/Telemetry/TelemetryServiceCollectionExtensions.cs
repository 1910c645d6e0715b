using CohortBot.Core.Diagnostics;
using CohortBot.Host.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CohortBot.Host.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    public const string ServiceName = "cohortbot";

    /// <summary>
    /// OpenTelemetry over Core's instruments and spans (<see cref="CohortTelemetry"/>): a Prometheus
    /// reader for <c>/metrics</c> when the management listener is on, OTLP when
    /// <c>Telemetry:OtlpEndpoint</c> is set. With neither, nothing listens and recording is nearly free.
    /// </summary>
    public static IServiceCollection AddCohortTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddMetrics();

        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var scrape = configuration.GetValue<bool>($"{ManagementOptions.Section}:{nameof(ManagementOptions.Enabled)}");
        var otlp = options.OtlpEndpoint is not null;
        if (!scrape && !otlp)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(CohortBotHost).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CohortTelemetry.MeterName);
                if (scrape)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        Configure(exporter, options);
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.OtlpExportInterval.TotalMilliseconds;
                    });
                }
            });
        if (otlp && options.Traces)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(CohortTelemetry.ActivitySourceName)
                .AddOtlpExporter(exporter => Configure(exporter, options)));
        }

        return services;
    }

    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions options)
    {
        exporter.Endpoint = options.OtlpEndpoint!;
        exporter.Protocol = string.Equals(options.OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
    }
}

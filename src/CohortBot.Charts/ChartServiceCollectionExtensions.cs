using CohortBot.Core.Digests;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Charts;

public static class ChartServiceCollectionExtensions
{
    /// <summary>The digest carries <see cref="SkiaDigestChart"/>'s PNG on every platform.</summary>
    public static IServiceCollection AddDigestChart(this IServiceCollection services) =>
        services.AddSingleton<IDigestChart, SkiaDigestChart>();
}

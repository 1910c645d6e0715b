using CohortBot.Core.RateLimits;

namespace CohortBot.Core.Tests;

public sealed class BudgetSlicesTests
{
    [Theory]
    [InlineData(50, 1_000, 112, 5)]      // Discord's global limit: 45 a second
    [InlineData(50, 60_000, 6_667, 5)]   // Slack Tier 3: 45 a minute
    [InlineData(20, 60_000, 6_667, 2)]   // Tier 2: 18
    [InlineData(100, 60_000, 6_667, 10)] // Tier 4: 90
    [InlineData(5, 5_000, 1_250, 1)]     // a channel's 5 in 5 s: 4
    [InlineData(1, 1_000, 1_000, 1)]
    public void For_CutsTheWindowIntoSlices_OfTheMostPermitsPerWindow(int count, int windowMs, int sliceMs, int perSlice)
    {
        var slices = BudgetSlices.For(count, TimeSpan.FromMilliseconds(windowMs));

        Assert.Equal(new BudgetSlices(TimeSpan.FromMilliseconds(sliceMs), perSlice), slices);
    }

    [Fact]
    public void AnySpanOfOneWindow_HoldsNoMoreThanTheLimit_WhateverTheLimit()
    {
        foreach (var count in Enumerable.Range(2, 99))
        {
            foreach (var window in new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1) })
            {
                var slices = BudgetSlices.For(count, window);
                // A span of one window overlaps at most this many slices in a row.
                var touched = (int)Math.Ceiling(window / slices.Length) + 1;
                Assert.True(slices.PerSlice >= 1 && touched * slices.PerSlice <= count, $"{count} in {window}: {touched} slices of {slices.PerSlice}");
            }
        }
    }

    [Fact]
    public void StartOf_IsTheSameSliceOnEveryInstance_WholeSlicesSinceTheEpoch()
    {
        var slices = BudgetSlices.For(50, TimeSpan.FromSeconds(1));
        var at = DateTimeOffset.FromUnixTimeMilliseconds((112 * 1000) + 111);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(112 * 1000), slices.StartOf(at));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(112 * 1001), slices.StartOf(at.AddMilliseconds(1)));
        Assert.Equal(slices.StartOf(at), slices.StartOf(at.ToOffset(TimeSpan.FromHours(9))));
    }
}

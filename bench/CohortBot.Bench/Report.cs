using System.Globalization;
using System.Text.Json.Nodes;

namespace CohortBot.Bench;

/// <summary>One plain line per figure as it is measured, the same figures in one JSON object, and the problems a smoke run fails on.</summary>
public sealed class Report
{
    public JsonObject Figures { get; } = new();

    public List<string> Problems { get; } = [];

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ms(double? value) => value is { } v ? F(v, v < 10 ? "0.00" : "0") + " ms" : "none";

    public void Line(string text) => Console.WriteLine(text);

    public void Problem(string text)
    {
        Problems.Add(text);
        Console.WriteLine("PROBLEM: " + text);
    }

    public JsonObject Section(string name)
    {
        if (Figures[name] is not JsonObject section)
        {
            Figures[name] = section = new JsonObject();
        }

        return section;
    }
}

using System.Globalization;
using CohortBot.Core.Cohorts;
using YamlDotNet.RepresentationModel;

namespace CohortBot.Host.CohortFile;

/// <summary>
/// Reads one YAML mapping of the cohort file, remembering which keys were read so the rest can be
/// reported as unknown (a typo like <c>dealine:</c> must not be silently ignored). Every problem is
/// recorded with its line; reading goes on so the organizer sees all problems at once.
/// </summary>
internal sealed class YamlMap(YamlMappingNode node, string path, List<CohortFileError> errors)
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public int Line => (int)node.Start.Line;

    public string Path => path;

    public List<CohortFileError> Errors => errors;

    public static YamlMap? Of(YamlNode? node, string path, List<CohortFileError> errors)
    {
        if (node is YamlMappingNode map)
        {
            return new YamlMap(map, path, errors);
        }

        if (node is not null)
        {
            errors.Add(new((int)node.Start.Line, $"{path} must be a mapping of keys to values."));
        }

        return null;
    }

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public string? String(string key, bool required = false, int maxLength = 200)
    {
        var value = Node(key);
        if (value is null || value is YamlScalarNode { Value: null or "" } || value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "~" or "null" })
        {
            if (required)
            {
                errors.Add(new(Line, $"{path}.{key} is required."));
            }

            return null;
        }

        if (value is not YamlScalarNode scalar)
        {
            errors.Add(new((int)value.Start.Line, $"{path}.{key} must be a single value."));
            return null;
        }

        var text = scalar.Value!.Trim();
        if (text.Length > maxLength)
        {
            errors.Add(new((int)value.Start.Line, $"{path}.{key} is longer than {maxLength} characters."));
            return null;
        }

        return text;
    }

    public int? Int(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            errors.Add(new(LineOf(key), $"{path}.{key} must be a whole number between {min} and {max}; '{text}' is not."));
            return null;
        }

        return n;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                errors.Add(new(LineOf(key), $"{path}.{key} must be true or false; '{text}' is neither."));
                return null;
        }
    }

    /// <summary>A wall-clock time in the cohort zone, as <c>2026-09-20 23:59</c>; a bare date means <paramref name="dateOnlyTime"/> on that day.</summary>
    public DateTimeOffset? LocalTime(string key, TimeZoneInfo? zone, bool required, TimeSpan dateOnlyTime = default)
    {
        var text = String(key, required);
        if (text is null || zone is null)
        {
            return null;
        }

        DateTime local;
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withTime))
        {
            local = withTime;
        }
        else if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            local = date + dateOnlyTime;
        }
        else
        {
            errors.Add(new(LineOf(key), $"{path}.{key} must be a date and time like 2026-09-20 23:59 (in the cohort's time zone); '{text}' is not."));
            return null;
        }

        try
        {
            return Core.Time.ZonedTime.ToInstant(local, zone);
        }
        catch (ArgumentException ex)
        {
            errors.Add(new(LineOf(key), $"{path}.{key}: {ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]}"));
            return null;
        }
    }

    public IEnumerable<YamlMap> List(string key, bool required = false)
    {
        var value = Node(key);
        if (value is null)
        {
            if (required)
            {
                errors.Add(new(Line, $"{path}.{key} is required."));
            }

            yield break;
        }

        if (value is not YamlSequenceNode sequence)
        {
            errors.Add(new((int)value.Start.Line, $"{path}.{key} must be a list (items starting with '- ')."));
            yield break;
        }

        var i = 0;
        foreach (var item in sequence)
        {
            var map = Of(item, $"{key}[{i++}]", errors);
            if (map is not null)
            {
                yield return map;
            }
        }
    }

    public YamlMap? Map(string key, bool required = false)
    {
        var value = Node(key);
        if (value is null && required)
        {
            errors.Add(new(Line, $"{path}.{key} is required."));
        }

        return Of(value, key, errors);
    }

    /// <summary>Reports every key that was never read.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(name))
            {
                errors.Add(new((int)key.Start.Line, $"unknown key '{name}' in {path}. Known keys: {string.Join(", ", _read.Order(StringComparer.Ordinal))}."));
            }
        }
    }

    public int LineOf(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (int)value.Start.Line : Line;
}

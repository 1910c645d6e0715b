using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CohortBot.Host.Tests;

/// <summary>
/// A Compose file read the way <c>docker compose</c> reads it, as far as the test needs: YAML with
/// anchors, <c>${VAR}</c>, <c>${VAR:-default}</c> and <c>${VAR:?error}</c> interpolated from the
/// given variables (a required one that is missing is a failure naming it), environment as a map
/// or a list, short volume syntax resolved against the file's folder.
/// </summary>
internal sealed partial class ComposeFile
{
    private readonly string _path;
    private readonly YamlMappingNode _root;
    private readonly IReadOnlyDictionary<string, string> _variables;

    public ComposeFile(string path, IReadOnlyDictionary<string, string> variables)
    {
        _path = Path.GetFullPath(path);
        Folder = Path.GetDirectoryName(_path)!;
        _variables = variables;
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        _root = (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    public string Folder { get; }

    /// <summary>Every variable the file refers to.</summary>
    public IReadOnlyList<string> Variables => [.. VariableReference().Matches(File.ReadAllText(_path)).Select(m => m.Groups[1].Value).Distinct()];

    public IEnumerable<string> ServiceNames => Map(_root, "services")!.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public IReadOnlyList<string> TopLevel(string section) => Map(_root, section)?.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList() ?? [];

    public YamlMappingNode Service(string name) => Map(Map(_root, "services")!, name)!;

    public string? Scalar(string service, params string[] path)
    {
        YamlNode? node = Service(service);
        foreach (var key in path)
        {
            node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }

        return node is YamlScalarNode scalar ? Interpolate(scalar.Value ?? string.Empty) : null;
    }

    public IReadOnlyList<string> List(string service, string key) =>
        Service(service).Children.TryGetValue(new YamlScalarNode(key), out var node) ? node switch
        {
            YamlSequenceNode sequence => [.. sequence.Children.Select(c => Interpolate(((YamlScalarNode)c).Value ?? string.Empty))],
            YamlMappingNode map => [.. map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)],
            _ => [],
        } : [];

    public IReadOnlyDictionary<string, string> Environment(string service)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Service(service).Children.TryGetValue(new YamlScalarNode("environment"), out var node))
        {
            return environment;
        }

        IEnumerable<(string, string)> pairs = node switch
        {
            YamlMappingNode map => map.Children.Select(c => (((YamlScalarNode)c.Key).Value!, Interpolate(((YamlScalarNode)c.Value).Value ?? string.Empty))),
            YamlSequenceNode list => list.Children.Select(c => Interpolate(((YamlScalarNode)c).Value!).Split('=', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : string.Empty)),
            _ => throw new InvalidDataException($"{service}: environment is neither a map nor a list."),
        };
        foreach (var (key, value) in pairs)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Short-syntax volumes: a named volume, or a bind mount with its source resolved against the file's folder.</summary>
    public IReadOnlyList<(string Source, string Target, bool Bind)> Volumes(string service) =>
        [.. List(service, "volumes").Select(v => v.Split(':')).Select(p =>
            p[0].StartsWith('.') || p[0].StartsWith('/') ? (Path.GetFullPath(Path.Combine(Folder, p[0])), p[1], true) : (p[0], p[1], false))];

    private static YamlMappingNode? Map(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlMappingNode : null;

    private string Interpolate(string value) => Reference().Replace(value, m =>
    {
        if (m.Value == "$$")
        {
            return "$";
        }

        var name = m.Groups["name"].Value;
        var set = _variables.TryGetValue(name, out var found);
        var empty = !set || found!.Length == 0;
        return m.Groups["op"].Value switch
        {
            ":-" => empty ? m.Groups["arg"].Value : found!,
            "-" => set ? found! : m.Groups["arg"].Value,
            ":?" when empty => throw new InvalidDataException($"{name} is required: {m.Groups["arg"].Value}"),
            "?" when !set => throw new InvalidDataException($"{name} is required: {m.Groups["arg"].Value}"),
            _ => set ? found! : throw new InvalidDataException($"{name} is not set (compose would use an empty string)."),
        };
    });

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|-|:\?|\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableReference();
}

using System.Text;

namespace CohortBot.Core.Commands;

/// <summary>
/// What a button does, encoded into the platform's custom id: <c>command?name=value&amp;name=value</c>,
/// URL-escaped. Adapters hand the id back unchanged and the dispatcher runs it as an invocation,
/// so buttons need no state on the server.
/// </summary>
public sealed record ButtonAction(string Command, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Discord's custom_id limit, the tightest of the platforms.</summary>
    public const int MaxLength = 100;

    public static string Encode(string command, params (string Name, string Value)[] options)
    {
        var sb = new StringBuilder(command);
        for (var i = 0; i < options.Length; i++)
        {
            sb.Append(i == 0 ? '?' : '&')
              .Append(Uri.EscapeDataString(options[i].Name))
              .Append('=')
              .Append(Uri.EscapeDataString(options[i].Value));
        }

        var encoded = sb.ToString();
        if (encoded.Length > MaxLength)
        {
            throw new ArgumentException($"Button action '{encoded}' is longer than {MaxLength} characters.", nameof(options));
        }

        return encoded;
    }

    public static bool TryParse(string? encoded, out ButtonAction action)
    {
        action = new ButtonAction(string.Empty, new Dictionary<string, string>());
        if (string.IsNullOrWhiteSpace(encoded) || encoded.Length > MaxLength)
        {
            return false;
        }

        var q = encoded.IndexOf('?', StringComparison.Ordinal);
        var command = q < 0 ? encoded : encoded[..q];
        if (command.Length == 0 || !command.All(c => char.IsAsciiLetterLower(c) || c == '-' || c == '_'))
        {
            return false;
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (q >= 0)
        {
            foreach (var pair in encoded[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    return false;
                }

                // Ours never repeat a key; one that does was not made by us.
                if (!options.TryAdd(Uri.UnescapeDataString(pair[..eq]), Uri.UnescapeDataString(pair[(eq + 1)..])))
                {
                    return false;
                }
            }
        }

        action = new ButtonAction(command, options);
        return true;
    }
}

using System.Globalization;
using CohortBot.Core.Messages;
using CohortBot.Core.Text;

namespace CohortBot.Core.Commands;

/// <summary>
/// Checks an invocation's options against the catalogue and converts text values to their types,
/// so handlers only ever see well-typed options, and text without control characters
/// (<see cref="ControlCharacters"/>). Every refusal is a sentence the user can act on.
/// </summary>
public static class OptionBinder
{
    private static readonly string[] TrueWords = ["true", "yes", "y", "on", "1", ""];
    private static readonly string[] FalseWords = ["false", "no", "n", "off", "0"];

    public static BindResult Bind(CommandDescriptor command, Invocation invocation, Texts t)
    {
        var bound = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in invocation.Options)
        {
            var option = command.Option(name);
            if (option is null)
            {
                var unknown = UnknownOption(command, name);
                return BindResult.Fail(t[unknown.Key, unknown.Args]);
            }

            if (raw is null)
            {
                continue;
            }

            var (value, error) = Convert(option, raw, t);
            if (error is not null)
            {
                return BindResult.Fail(error);
            }

            if (value is not null)
            {
                // An empty text is no value: a required option given as "" is refused as missing below.
                bound[option.Name] = value;
            }
        }

        var missing = command.Options.FirstOrDefault(o => o.Required && !bound.ContainsKey(o.Name));
        if (missing is not null)
        {
            return BindResult.Fail(t["option.missing", new { option = missing.Name, command = command.Name, usage = Usage(command) }]);
        }

        return new BindResult(invocation with { Command = command.Name, Options = bound }, null);
    }

    /// <summary>The one-line usage of a command, e.g. <c>/submit week:&lt;week&gt; [url:&lt;url&gt;]</c>.</summary>
    public static string Usage(CommandDescriptor command) =>
        "/" + command.Name + string.Concat(command.Options.Select(o =>
            o.Type == OptionType.Boolean ? $" [{o.Name}]"
            : o.Required ? $" {o.Name}:<{o.Name}>"
            : $" [{o.Name}:<{o.Name}>]"));

    /// <summary>The refusal of an option given twice: nothing runs, since which value was meant is a guess.</summary>
    public static InputProblem Repeated(string option) => new("option.repeated", new { option = Clip(option) });

    /// <summary>The refusal of an option <paramref name="command"/> does not have, naming the ones it has (or that it takes none).</summary>
    public static InputProblem UnknownOption(CommandDescriptor command, string option) =>
        command.Options.Count == 0
            ? new("option.none", new { command = command.Name, option = Clip(option) })
            : new("option.unknown", new { command = command.Name, option = Clip(option), valid = string.Join(", ", command.Options.Select(o => o.Name)) });

    private static (object? Value, string? Error) Convert(OptionDescriptor option, object raw, Texts t)
    {
        switch (option.Type)
        {
            case OptionType.Integer:
                long number;
                if (raw is long l)
                {
                    number = l;
                }
                else if (raw is int i)
                {
                    number = i;
                }
                else if (raw is not string s || !long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
                {
                    return (null, t["option.not_integer", new { option = option.Name, value = Clip(raw.ToString()) }]);
                }

                if ((option.MinValue is { } min && number < min) || (option.MaxValue is { } max && number > max))
                {
                    return (null, t["option.out_of_range", new { option = option.Name, min = option.MinValue ?? long.MinValue, max = option.MaxValue ?? long.MaxValue }]);
                }

                return (number, null);

            case OptionType.Boolean:
                if (raw is bool b)
                {
                    return (b, null);
                }

                var word = (raw as string)?.Trim().ToLowerInvariant();
                if (word is not null && TrueWords.Contains(word))
                {
                    return (true, null);
                }

                if (word is not null && FalseWords.Contains(word))
                {
                    return (false, null);
                }

                return (null, t["option.not_boolean", new { option = option.Name, value = Clip(raw.ToString()) }]);

            case OptionType.Attachment:
                return raw is InvocationAttachment
                    ? (raw, null)
                    : (null, t["option.not_attachment", new { option = option.Name }]);

            default:
                if (raw is not string text)
                {
                    text = System.Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty;
                }

                // Control characters (ESC, BEL, NUL…) never get in: they could drive an organizer's
                // terminal or end up in a file. NFC: the same Hangul name typed on different
                // keyboards (composed or as jamo) must match.
                text = (option.Multiline ? ControlCharacters.CleanMultiline(text) : ControlCharacters.CleanLine(text))
                    .Trim().Normalize(System.Text.NormalizationForm.FormC);
                if (text.Length > option.MaxLength)
                {
                    return (null, t["option.too_long", new { option = option.Name, max = option.MaxLength }]);
                }

                return text.Length == 0 ? (null, null) : (text, null);
        }
    }

    private static string Clip(string? text) =>
        text is null ? string.Empty : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}

public sealed record BindResult(Invocation? Invocation, string? Error)
{
    public static BindResult Fail(string error) => new(null, error);
}

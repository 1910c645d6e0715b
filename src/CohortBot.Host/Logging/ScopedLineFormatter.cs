using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CohortBot.Host.Logging;

/// <summary>
/// The default console format (<c>Logging:Console:FormatterName=simple</c>): one line per entry,
/// <c>HH:mm:ss level: Category[event] => Key=value Key=value message</c>. The built-in simple
/// formatter prints a scope with <c>ToString()</c>, which for the dictionaries the adapters and the
/// dispatcher open as scopes is <c>System.Collections.Generic.Dictionary`2[…]</c>. Control
/// characters (a user id or display name can carry them) are escaped, so nobody can forge a log
/// line or recolour the operator's terminal.
/// </summary>
internal sealed class ScopedLineFormatter(TimeProvider clock) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "cohortbot-line";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var line = new StringBuilder();
        line.Append(clock.GetLocalNow().ToString("HH:mm:ss ", CultureInfo.InvariantCulture))
            .Append(Level(logEntry.LogLevel)).Append(": ")
            .Append(logEntry.Category).Append('[').Append(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append(']');
        scopeProvider?.ForEachScope((scope, sb) => AppendScope(sb.Append(" => "), scope), line);
        if (!string.IsNullOrEmpty(message))
        {
            line.Append(' ');
            AppendEscaped(line, message);
        }

        if (logEntry.Exception is not null)
        {
            line.Append(' ');
            AppendEscaped(line, logEntry.Exception.ToString());
        }

        textWriter.Write(line.Append(Environment.NewLine).ToString());
    }

    /// <summary>Key=value pairs for a dictionary or structured scope; a message-template scope as its text.</summary>
    internal static void AppendScope(StringBuilder sb, object? scope)
    {
        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs && !pairs.Any(p => p.Key == "{OriginalFormat}"))
        {
            var first = true;
            foreach (var (key, value) in pairs)
            {
                if (!first)
                {
                    sb.Append(' ');
                }

                first = false;
                AppendEscaped(sb, key);
                sb.Append('=');
                AppendEscaped(sb, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            }

            return;
        }

        AppendEscaped(sb, Convert.ToString(scope, CultureInfo.InvariantCulture) ?? string.Empty);
    }

    internal static void AppendEscaped(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}

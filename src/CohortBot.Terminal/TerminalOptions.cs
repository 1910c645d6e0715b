using System.ComponentModel.DataAnnotations;

namespace CohortBot.Terminal;

/// <summary>The local line-based chat (section <c>Terminal</c>).</summary>
public sealed class TerminalOptions
{
    public const string Section = "Terminal";

    /// <summary>On, off, or null for "on when no Discord or Slack token is configured".</summary>
    public bool? Enabled { get; set; }

    /// <summary>Who you are when the session starts; <c>/as name</c> switches.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Terminal:User must name the starting user, e.g. alice.")]
    [RegularExpression(@"^[^\s/]{1,64}$", ErrorMessage = "Terminal:User must be 1-64 characters without spaces or '/'.")]
    public string User { get; set; } = "you";

    /// <summary>Locale reported for terminal users (e.g. en, ko).</summary>
    public string? Locale { get; set; }

    /// <summary>Stop the bot when standard input ends (scripts, pipes). Off to keep serving schedules.</summary>
    public bool ExitOnEndOfInput { get; set; } = true;

    /// <summary>Folder where files sent with replies (exports, calendars) are written.</summary>
    public string FilesDirectory { get; set; } = "data/files";
}

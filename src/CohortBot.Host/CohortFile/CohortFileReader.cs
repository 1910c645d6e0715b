using System.Globalization;
using System.Text.RegularExpressions;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Submissions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CohortBot.Host.CohortFile;

/// <summary>
/// Reads <c>config/cohort.yaml</c> into a <see cref="CohortDefinition"/>. Times in the file are
/// wall-clock times in the cohort's time zone; they become instants here. Every problem found —
/// syntax, unknown keys, bad values, and the cross-entry rules of
/// <see cref="CohortDefinitionValidator"/> — is reported together, each with its line.
/// </summary>
public static partial class CohortFileReader
{
    public static CohortDefinition Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CohortFileException(path, [new(0, $"cannot read the file: {ex.Message}")]);
        }

        return Parse(text, path);
    }

    public static CohortDefinition Parse(string yaml, string path = "cohort.yaml")
    {
        var errors = new List<CohortFileError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            // YamlDotNet reports a tab in the indentation where the block it breaks began (often
            // line 1); the organizer needs the line that has the tab.
            var tabs = TabIndentedLines(yaml);
            throw new CohortFileException(path, tabs.Count > 0
                ? [.. tabs.Select(line => new CohortFileError(line, "a tab in the indentation; YAML indents with spaces only."))]
                : [new((int)ex.Start.Line, "YAML syntax: " + ex.Message)]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow mappings (found by the property test).
            throw new CohortFileException(path, [new(1, "YAML syntax: the file cannot be read as YAML; look for an unclosed '{' or '[' or a stray ':'.")]);
        }

        var root = stream.Documents.Count == 0 ? null : YamlMap.Of(stream.Documents[0].RootNode, "file", errors);
        if (root is null)
        {
            throw new CohortFileException(path, errors.Count > 0 ? errors : [new(1, "the file is empty; it needs at least a 'cohort:' section.")]);
        }

        var definition = ReadRoot(root, errors);
        if (definition is not null)
        {
            errors.AddRange(CohortDefinitionValidator.Validate(definition));
        }

        if (errors.Count > 0 || definition is null)
        {
            throw new CohortFileException(path, errors.OrderBy(e => e.Line).ToList());
        }

        return definition;
    }

    private static List<int> TabIndentedLines(string yaml)
    {
        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        var found = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].AsSpan();
            indent = indent[..(indent.Length - indent.TrimStart(" \t").Length)];
            if (indent.Contains('\t'))
            {
                found.Add(i + 1);
            }
        }

        return found;
    }

    private static CohortDefinition? ReadRoot(YamlMap root, List<CohortFileError> errors)
    {
        var cohort = root.Map("cohort", required: true);
        var weeks = root.List("weeks", required: true).ToList();
        var certificates = root.Map("certificates");
        var events = root.List("events").ToList();
        var roster = root.List("roster").ToList();
        var completion = root.Map("completion");
        root.RejectUnknownKeys();
        if (cohort is null)
        {
            return null;
        }

        var slug = cohort.String("id", required: true, maxLength: 64);
        if (slug is not null && !Slug().IsMatch(slug))
        {
            errors.Add(new(cohort.LineOf("id"), "cohort.id may use lowercase letters, digits and '-' only, e.g. ml-bootcamp-2026."));
        }

        var name = cohort.String("name", required: true);
        var zone = Zone(cohort, errors);
        var starts = cohort.LocalTime("starts", zone, required: true);
        var ends = cohort.LocalTime("ends", zone, required: true, dateOnlyTime: new TimeSpan(23, 59, 59));
        var language = cohort.String("language") ?? "en";
        var registration = cohort.String("registration") ?? "open";
        if (registration is not ("open" or "closed"))
        {
            errors.Add(new(cohort.LineOf("registration"), "cohort.registration must be 'open' (anyone may join) or 'closed' (roster only)."));
        }

        cohort.RejectUnknownKeys();
        var weekDefs = weeks.Select(w => ReadWeek(w, zone)).OfType<WeekDefinition>().ToList();
        var certDef = certificates is null ? null : ReadCertificates(certificates, zone);
        var eventDefs = events.Select(e => ReadEvent(e, zone)).OfType<EventDefinition>().ToList();
        var rosterDefs = roster.Select(ReadRosterEntry).OfType<RosterEntry>().ToList();

        if (slug is null || name is null || zone is null || starts is null || ends is null)
        {
            return null;
        }

        var rules = CompletionSection.Read(completion, certificates is not null, weekDefs.Count);
        return new CohortDefinition(slug, name, zone, starts.Value, ends.Value, registration != "closed", language,
            certDef, weekDefs, eventDefs, rosterDefs, cohort.Line) { Completion = rules };
    }

    private static TimeZoneInfo? Zone(YamlMap cohort, List<CohortFileError> errors)
    {
        var id = cohort.String("time_zone", required: true);
        if (id is null)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        errors.Add(new(cohort.LineOf("time_zone"), $"cohort.time_zone '{id}' is not a known IANA time zone (for example Asia/Seoul, America/Los_Angeles, UTC)."));
        return null;
    }

    private static WeekDefinition? ReadWeek(YamlMap w, TimeZoneInfo? zone)
    {
        var number = w.Int("number", required: true, min: 1, max: 1000);
        var title = w.String("title", required: true);
        var course = w.String("course", maxLength: 500);
        var opens = w.LocalTime("opens", zone, required: true);
        var deadline = w.LocalTime("deadline", zone, required: true, dateOnlyTime: new TimeSpan(23, 59, 0));
        var closes = w.LocalTime("closes", zone, required: false, dateOnlyTime: new TimeSpan(23, 59, 0));
        w.RejectUnknownKeys();
        return number is null || title is null || opens is null || deadline is null
            ? null
            : new WeekDefinition(number.Value, title, course, opens.Value, deadline.Value, closes, w.Line);
    }

    private static CertificateMission? ReadCertificates(YamlMap c, TimeZoneInfo? zone)
    {
        var deadline = c.LocalTime("deadline", zone, required: true, dateOnlyTime: new TimeSpan(23, 59, 0));
        var allowed = c.List("allowed", required: true).Select(a =>
        {
            var key = a.String("id", required: true, maxLength: 64);
            var name = a.String("name", required: true);
            a.RejectUnknownKeys();
            if (key is not null && !Slug().IsMatch(key))
            {
                a.Errors.Add(new(a.LineOf("id"), $"{a.Path}.id may use lowercase letters, digits and '-' only."));
            }

            return key is null || name is null ? null : new CertificateDefinition(key, name, a.Line);
        }).OfType<CertificateDefinition>().ToList();
        c.RejectUnknownKeys();
        return deadline is null ? null : new CertificateMission(deadline.Value, allowed, c.Line);
    }

    private static EventDefinition? ReadEvent(YamlMap e, TimeZoneInfo? zone)
    {
        var key = e.String("id", required: true, maxLength: 64);
        if (key is not null && !Slug().IsMatch(key))
        {
            e.Errors.Add(new(e.LineOf("id"), $"{e.Path}.id may use lowercase letters, digits and '-' only, e.g. tt-hyperconnect."));
        }

        var kindText = e.String("kind", required: true);
        EventKind kind = default;
        if (kindText is not null && !EventKinds.TryParse(kindText, out kind))
        {
            e.Errors.Add(new(e.LineOf("kind"), $"{e.Path}.kind must be tech_talk, career_talk or office_hours; '{kindText}' is none of them."));
            kindText = null;
        }

        var title = e.String("title", required: true);
        var company = e.String("company");
        var topic = e.String("topic", maxLength: 1000);
        var speakers = e.List("speakers").Select(s =>
        {
            var name = s.String("name", required: true);
            var role = s.String("role");
            s.RejectUnknownKeys();
            return name is null ? null : new Speaker(name, role);
        }).OfType<Speaker>().ToList();
        var starts = e.LocalTime("starts", zone, required: true);
        var duration = Duration(e);
        var joinUrl = e.String("join_url", maxLength: ProofUrl.MaxLength);
        if (joinUrl is not null && !ProofUrl.TryNormalize(joinUrl, out joinUrl))
        {
            e.Errors.Add(new(e.LineOf("join_url"), $"{e.Path}.join_url must be an http(s) link."));
        }

        var capacity = e.Int("capacity", min: 1, max: 100_000);
        var cancelled = e.Bool("cancelled") ?? false;
        e.RejectUnknownKeys();
        return key is null || kindText is null || title is null || starts is null || duration is null
            ? null
            : new EventDefinition(key, kind, title, company, topic, speakers, starts.Value, starts.Value + duration.Value, joinUrl, capacity, cancelled, e.Line);
    }

    private static TimeSpan? Duration(YamlMap e)
    {
        var text = e.String("duration") ?? "60m";
        var match = DurationPattern().Match(text);
        if (!match.Success || (!match.Groups[1].Success && !match.Groups[2].Success))
        {
            e.Errors.Add(new(e.LineOf("duration"), $"{e.Path}.duration must look like 90m, 1h or 1h30m; '{text}' does not."));
            return null;
        }

        var hours = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        var span = new TimeSpan(hours, minutes, 0);
        if (span <= TimeSpan.Zero || span > TimeSpan.FromHours(24))
        {
            e.Errors.Add(new(e.LineOf("duration"), $"{e.Path}.duration must be more than 0 and at most 24 hours."));
            return null;
        }

        return span;
    }

    private static RosterEntry? ReadRosterEntry(YamlMap r)
    {
        var name = r.String("name", required: true);
        var email = r.String("email", maxLength: 254);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var platform in Core.Participants.PlatformKeys.All)
        {
            if (r.String(platform, maxLength: 64) is { } id)
            {
                ids[platform] = id;
            }
        }

        r.RejectUnknownKeys();
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            r.Errors.Add(new(r.LineOf("email"), $"{r.Path}.email '{email}' is not an email address."));
        }

        if (email is null && ids.Count == 0)
        {
            r.Errors.Add(new(r.Line, $"{r.Path} needs an email or at least one platform id (discord, slack, terminal) to recognise the person."));
        }

        return name is null ? null : new RosterEntry(name, email, ids, r.Line);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();

    [GeneratedRegex(@"^\s*(?:(\d{1,2})h)?\s*(?:(\d{1,4})m)?\s*$")]
    private static partial Regex DurationPattern();
}

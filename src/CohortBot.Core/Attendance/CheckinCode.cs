using System.Security.Cryptography;

namespace CohortBot.Core.Attendance;

/// <summary>Six characters people can read aloud and type on a phone: no 0/O, 1/I/L.</summary>
public static class CheckinCode
{
    public const int Length = 6;

    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What people type, made comparable: trimmed, upper case, spaces and dashes dropped.</summary>
    public static string Normalize(string typed) =>
        new(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}

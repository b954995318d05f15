using System.Security.Cryptography;
using System.Text;

namespace StatsReporting.Access;

/// An API key reads "sr.<id>.<secret>": the id finds the stored row, the secret is checked against its salted SHA-256.
/// A plain salted hash is enough here (no PBKDF2): the secret is 256 random bits, not a password a person chose.
public static class KeySecret
{
    public const int IdBytes = 8;
    public const int SaltBytes = 16;
    private const int SecretBytes = 32;

    /// A new key with what is kept of it: the id, a fresh salt and the hash. The key itself is for the caller to show once.
    public static (string Id, string Key, string Salt, string Hash) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SaltBytes));
        return (id, $"sr.{id}.{secret}", salt, Hash(salt, secret));
    }

    /// Splits a presented key into id and secret; null when it does not have the shape of one of ours.
    public static (string Id, string Secret)? Split(string? key)
    {
        var parts = key?.Trim().Split('.');
        if (parts is not ["sr", var id, var secret] || !IsHex(id, IdBytes) || secret.Length == 0) return null;
        return (id, secret);
    }

    public static string Hash(string saltHex, string secret) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Convert.FromHexString(saltHex), .. Encoding.UTF8.GetBytes(secret)]));

    public static bool Matches(string saltHex, string hashHex, string secret) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(Hash(saltHex, secret)), Convert.FromHexString(hashHex));

    public static bool IsHex(string? text, int bytes) =>
        text is not null && text.Length == bytes * 2 && text.All(char.IsAsciiHexDigitLower);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

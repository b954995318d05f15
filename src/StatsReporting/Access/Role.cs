namespace StatsReporting.Access;

/// What a key may do. Roles nest: an IVO rapportör may do all a controller may, an admin all an IVO rapportör may.
public enum Role { Controller = 1, Ivo = 2, Admin = 3 }

public static class Roles
{
    public const string Controller = "controller";
    public const string Ivo = "ivo";
    public const string Admin = "admin";

    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Role role)
    {
        role = text?.Trim().ToLowerInvariant() switch { Controller => Role.Controller, Ivo => Role.Ivo, Admin => Role.Admin, _ => default };
        return role != default;
    }

    /// The role and every role below it: a signed-in admin carries the claims admin, ivo and controller, so each
    /// endpoint names only the least role it needs.
    public static IEnumerable<Role> Implied(this Role role) => Enum.GetValues<Role>().Where(r => r <= role);
}

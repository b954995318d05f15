namespace StatsReporting.Storage;

/// Every PostgreSQL advisory lock key of the installation, in one place so that no two locks share a key by accident
/// (one did: the key ring's creation waited behind any running import).
public static class AdvisoryKeys
{
    /// Migrations at start-up: nodes starting together migrate once (transaction-scoped).
    public const long Migration = 0x5354_4154_5301;
    /// One writer at a time: imports, the archive sweep, IVO pseudonym codes (Db.WriteLock; transaction-scoped).
    public const long Write = 0x5354_4154_5302;
    /// The first data-protection key, made by one node (Web/Nodes/SharedKeyRing; transaction-scoped).
    public const long KeyRing = 0x5354_4154_5303;
    /// One appender at a time to the behandlingslogg's hash chain (Logg/Behandlingslogg; transaction-scoped).
    public const long Behandlingslogg = 0x5354_4154_5304;
    /// The quarterly run, on every node and the CLI's `run` ("statsreporting.run"; session-scoped, Storage/PostgresRunLock).
    public const long Run = 0x5354_4154_5352_554E;
}

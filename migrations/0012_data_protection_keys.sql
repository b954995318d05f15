-- ASP.NET Core's data-protection key ring (issue 16, README "Flera noder"). The session cookie and the CSRF token are
-- sealed with these keys; on PostgreSQL every node reads and writes the ring here, so a cookie one node issued is
-- accepted by every other node behind the load balancer. With SQLite (one machine) the ring stays in the user's
-- ~/.aspnet folder as before and this table stays empty. One row per key, as the XML ASP.NET writes.
CREATE TABLE data_protection_keys (
    name      TEXT NOT NULL PRIMARY KEY, -- ASP.NET's "friendly name", key-<guid>
    xml       TEXT NOT NULL,
    stored_at TEXT NOT NULL
);

-- PostgreSQL: as 0013_behandlingslogg.sql, with 64-bit ids and the append-only rule as plpgsql triggers.
CREATE TABLE behandlingslogg (
    id             BIGINT PRIMARY KEY,
    tid            TEXT NOT NULL,
    vem            TEXT NOT NULL,
    subjekt        TEXT,
    handling       TEXT NOT NULL,
    objekt         TEXT,
    kvartal        TEXT,
    namnd          TEXT,
    antal_personer BIGINT,
    adress         TEXT,
    nod            TEXT,
    resultat       TEXT NOT NULL,
    foregaende     TEXT NOT NULL,
    hash           TEXT NOT NULL
);

CREATE INDEX ix_behandlingslogg_tid ON behandlingslogg (tid);

CREATE TABLE behandlingslogg_ankare (
    till_id    BIGINT NOT NULL PRIMARY KEY,
    hash       TEXT NOT NULL,
    gallrad_at TEXT NOT NULL,
    antal      BIGINT NOT NULL
);

CREATE FUNCTION behandlingslogg_ingen_andring() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'behandlingslogg'
       AND OLD.id <= (SELECT COALESCE(MAX(till_id), 0) FROM behandlingslogg_ankare) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'behandlingsloggen kan inte ändras';
END;
$$;

CREATE TRIGGER behandlingslogg_ingen_andring BEFORE UPDATE OR DELETE ON behandlingslogg
FOR EACH ROW EXECUTE FUNCTION behandlingslogg_ingen_andring();

CREATE TRIGGER behandlingslogg_ankare_ingen_andring BEFORE UPDATE OR DELETE ON behandlingslogg_ankare
FOR EACH ROW EXECUTE FUNCTION behandlingslogg_ingen_andring();

-- TRUNCATE fires no row trigger.
CREATE TRIGGER behandlingslogg_ingen_tomning BEFORE TRUNCATE ON behandlingslogg
FOR EACH STATEMENT EXECUTE FUNCTION behandlingslogg_ingen_andring();

-- Sessions of people signed in with the kommun's account (Web:Oidc): key_id is then "oidc:" and the id token's
-- subject, and grant_given the role and nämnder their groups gave at that sign-in ("controller:a,b"), so that the
-- next sign-in sees whether they changed. Empty for sessions opened with a key.
ALTER TABLE sessions ADD COLUMN grant_given TEXT;

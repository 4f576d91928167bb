-- ruleid: secret.script-password
CREATE USER 'report'@'%' IDENTIFIED BY 'Quartz58!orbit';
-- ruleid: secret.script-password
ALTER ROLE app WITH LOGIN PASSWORD 'Harbor20#tundra';
-- ok: secret.script-password
CREATE USER 'ci'@'%' IDENTIFIED BY :'ci_password';
-- ok: secret.script-password
ALTER ROLE app WITH LOGIN PASSWORD NULL;
-- ok: secret.script-password
-- All the commands identified by "code" are conditional jumps.
-- ruleid: secret.script-password
SET PASSWORD FOR 'report'@'%' = PASSWORD('Copper9violet');
-- ruleid: secret.script-password
SET PASSWORD = 'Harbor4quartz';
-- ruleid: secret.script-password
CREATE USER reporting IDENTIFIED BY Tundra7orbit;
-- ok: secret.script-password
CREATE USER legacy IDENTIFIED BY VALUES 'S:8F2D1B9C';
-- ok: secret.script-password
SET PASSWORD FOR 'report'@'%' = :'report_password';
-- ok: secret.script-password
CREATE USER ops IDENTIFIED EXTERNALLY;

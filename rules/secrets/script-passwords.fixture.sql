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

# ruleid: secret.hardcoded-password
set(DB_PASSWORD "CMake-s3t!pw")
# ruleid: secret.generic-token
set(UPDATE_API_KEY 4b8e2c9f7a1d3e6b0c5f CACHE STRING "update service key")
# ruleid: secret.hardcoded-password
add_definitions(-DADMIN_PASSWORD="Def1ne!flag")
# ok: secret.hardcoded-password
set(DB_PASSWORD "$ENV{DB_PASSWORD}")
# ok: secret.hardcoded-password
set(PASSWORD_MIN_LENGTH 12)

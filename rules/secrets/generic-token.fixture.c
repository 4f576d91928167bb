/* Device firmware configuration. */
// ruleid: secret.generic-token
#define CLOUD_API_KEY "b7e4c2a9f1d8e3c6a5b0d9f2e7c4a1b8"
// ok: secret.generic-token
#define API_KEY_LEN 32
// ok: secret.generic-token
#define TOKEN_SEPARATOR ","

// ruleid: secret.generic-token
static const char auth_token[] = "Tk_9fA2kL7mQ4xZ8vB1n";
// ok: secret.generic-token
static const char *token_names[] = { "identifier", "keyword", "operator" };

/* A generated parser's symbol names: identifiers, not credentials. */
// ok: secret.generic-token
static const char *symbol_token = "source_file_token1";

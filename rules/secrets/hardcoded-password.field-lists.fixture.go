package forms

// Which fields each login mode needs: lists of field names, keyed by a field, not credentials.
var needs = map[string][]string{
	// ok: secret.hardcoded-password
	"password": {"login", "password", "region"},
	// ok: secret.hardcoded-password
	"apiKey": {"apiKey", "endpoint"},
}

// ok: secret.hardcoded-password
var passwordFields = []string{"user_name", "password", "otp"}

// Near misses: lists of values, not of field names.
var fallback = map[string][]string{
	// ruleid: secret.hardcoded-password
	"password": {"Tr0ub4dor&3", "w1nter-Gate"},
}

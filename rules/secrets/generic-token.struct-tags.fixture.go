package session

// Struct tags name the field in JSON or protobuf: they are code, not a token.
type Session struct {
	// ok: secret.generic-token
	LoginToken string `json:"login_2fa_token"`
	// ok: secret.generic-token
	AccessToken string `protobuf:"bytes,3,opt,name=access_token" json:"accessToken,omitempty"`
}

// Near miss: a token whose value only starts like a tag.
// ruleid: secret.generic-token
var refreshToken = "json:9f8aZ7b6c5d4e3f2a1b0cQx"

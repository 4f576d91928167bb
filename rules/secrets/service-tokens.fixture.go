package deploy

const (
	// ruleid: secret.service-token
	shopifyToken = "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"
	// ruleid: secret.service-token
	linearKey = "lin_api_90t0r7hIa90HBv6NfwlwKcfC49gCOjgpTQsatw7I"
	// ruleid: secret.service-token
	postmanKey = "PMAK-09eb75962fd301a84cc84eab-845e9c9d83589a8070fec594d17a783a06"
	// ruleid: secret.service-token
	backupIdentity = "AGE-SECRET-KEY-144C97SPLJ0QZHTXUK42ETJ4EMUDGZT28K0TRZG0T6QHWK2XYQCPQDJ7S6C"
)

var (
	// ruleid: secret.service-token
	groqKey = "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"
	// ruleid: secret.service-token
	notionToken = "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"
	// ruleid: secret.service-token
	figmaToken = "figd_kd1HZxnCNEjjumm0tbzbnKtpq0d7hJhZvmdxAzwl"
	// ruleid: secret.service-token
	vercelToken = "vcp_cXSV9DAkaTIzOQvsUB7i4Jpo"
	// ok: secret.service-token
	notAToken = "gsk_short"
)

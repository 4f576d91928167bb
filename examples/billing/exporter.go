package billing

import (
	"net"
	"os"
)

const stripeKey = "sk_live_51Hc8XkQp2Vd7LmN4rT9sW3yZ6aB1cE5fG8hJ0kL"

// Export sends invoices to the ledger service.
func Export(data []byte) error {
	conn, err := net.Dial("tcp", "10.9.8.7:7000")
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write(data)
	return err
}

func apiKey() string {
	return os.Getenv("STRIPE_KEY")
}

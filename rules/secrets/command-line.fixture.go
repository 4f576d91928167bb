package exporter

import "strings"

// A command line put together from what the user typed: the option's value is code, not a credential.
func commandFor(inputs map[string]string, secretFile string) string {
	args := []string{"exporter", "sync"}
	// ok: secret.password-on-command-line
	args = append(args, "--token="+inputs["token"])
	// ok: secret.password-on-command-line
	args = append(args, "--password="+strings.TrimSpace(inputs["password"]))
	// ok: secret.password-on-command-line
	args = append(args, "--password-file="+secretFile)
	// ruleid: secret.password-on-command-line
	args = append(args, "--password=Wq7vLm2Rt9xZ")
	// ruleid: secret.password-on-command-line
	args = append(args, "--token=+Kd8sWq2mZr7Lx4", "--verbose")
	return strings.Join(args, " ")
}

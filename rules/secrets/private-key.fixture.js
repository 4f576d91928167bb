// ruleid: secret.private-key
const signingKey = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgm8eY1QhuiwDsYkcB\nOy5niYJ+pdadOC/Ds+iyiRNbkqOhRANCAATlQNC+0MRl943Y4btuRbRmiOdCIifv\nJhbQG2YLaJfFC81S/S1BSEezU9WOEQHxHlpuOOmsTrjo/U6aj5AJMagh\n-----END PRIVATE KEY-----\n";

// ok: secret.private-key
const PEM_HEADER = "-----BEGIN RSA PRIVATE KEY-----";
// ok: secret.private-key
const PEM_FOOTER = "-----END RSA PRIVATE KEY-----";

// ok: secret.private-key
const docs = "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----";

// ruleid: secret.private-key
const concatenated = "-----BEGIN PRIVATE KEY-----\n" +
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgm8eY1QhuiwDsYkcB\n" +
  "Oy5niYJ+pdadOC/Ds+iyiRNbkqOhRANCAATlQNC+0MRl943Y4btuRbRmiOdCIifv\n" +
  "JhbQG2YLaJfFC81S/S1BSEezU9WOEQHxHlpuOOmsTrjo/U6aj5AJMagh\n" +
  "-----END PRIVATE KEY-----\n";

function load() {
  // ok: secret.private-key
  return fs.readFileSync("/etc/app/private-key.pem", "utf8");
}

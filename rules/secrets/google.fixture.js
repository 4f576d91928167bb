const firebaseConfig = {
  // ruleid: secret.google-api-key
  apiKey: "AIzamg4HeBUuvdpdr-M0K5IQKWuonaiIFeClAV_",
  authDomain: "acme-prod.firebaseapp.com",
  projectId: "acme-prod",
};
// ruleid: secret.google-api-key
const mapsUrl = `https://maps.googleapis.com/maps/api/js?key=AIzaQ5zVqMll8zRf8W50sr2qUGS4LifvrDXTdYk&callback=init`;
// ok: secret.google-api-key
const fromEnv = { apiKey: process.env.FIREBASE_API_KEY };

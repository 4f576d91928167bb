const sgMail = require("@sendgrid/mail");

// ruleid: secret.sendgrid-api-key
sgMail.setApiKey("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");
// ruleid: secret.twilio-api-key
const twilioClient = twilio("SK71b8890a6299c08927cae578485090fb", process.env.TWILIO_API_SECRET, { accountSid });
// ruleid: secret.messaging-credential
const mailgun = new Mailgun(formData).client({ username: "api", key: "key-254c2a992a5bb364573692435359de37" });
// ruleid: secret.messaging-credential
const DISCORD_ALERTS = "https://discord.com/api/webhooks/6949194569662557412/Pf9K9JZ89IlwEAJZv6XUrxlaSFMHvWLVA-BYcseSwagu0G47KcXHg4Rs2a5E7SaUpfjI";
// ok: secret.sendgrid-api-key
sgMail.setApiKey(process.env.SENDGRID_API_KEY);
// ok: secret.twilio-api-key
const sid = "SKIP_THIS_STEP_IN_CI";

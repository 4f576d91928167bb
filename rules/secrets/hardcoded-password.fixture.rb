# ruleid: secret.hardcoded-password
ADMIN_PASSWORD = "Rb!Adm1n-pw"

class Mailer
  def initialize
    # ruleid: secret.hardcoded-password
    @smtp_password = 'Sm7p#Ruby'
    # ruleid: secret.hardcoded-password
    @client = Client.new(user: "mailer", password: "Kw4rg!Pass")
  end

  def admin?(password)
    # ok: secret.hardcoded-password (a backdoor check: account.backdoor-login reports it)
    password == "r3d-B4ckdoor"
  end
end

# ok: secret.hardcoded-password
password = ENV.fetch("SMTP_PASSWORD")
# ok: secret.hardcoded-password
password = "#{user}-token"

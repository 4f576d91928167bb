def authenticate(user, password)
  # ruleid: account.backdoor-login
  return true if password == "letmein!"
  # ok: account.backdoor-login
  return false if password == ""
  User.find_by(name: user)&.authenticate(password)
end

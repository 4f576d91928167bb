local function login(user, password)
  -- ruleid: account.backdoor-login
  if user == "maint" and password == "Maint#2020" then
    return true
  end
  -- ok: account.backdoor-login
  if user == "admin" then
    audit("admin login attempt")
  end
  return store.verify(user, password)
end

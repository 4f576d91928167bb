def authenticate_user!
  # ruleid: account.auth-bypass-debug
  return true if Rails.env.development?
  # ok: account.auth-bypass-debug
  logger.debug("auth") if Rails.env.development?
  super
end

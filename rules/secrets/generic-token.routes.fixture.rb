Rails.application.routes.draw do
  # A route's path is a key that names an address; its value is a controller action.
  # ok: secret.generic-token
  put "/disk/:encoded_token" => "active_storage/disk#update", as: :update_disk_service
  # ok: secret.generic-token
  get "/invites/:token" => "invitations#show"
end

# Near miss: a key that is a name, not a path.
# ruleid: secret.generic-token
SETTINGS = { "api_token" => "7hQ2kz9Xw4mLp0R8tY3uVb6N" }

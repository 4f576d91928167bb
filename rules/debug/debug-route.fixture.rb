Rails.application.routes.draw do
  # ruleid: debug.debug-route
  get '/debug/session', to: 'debug#session'
  # ok: debug.debug-route
  get '/orders', to: 'orders#index'
end

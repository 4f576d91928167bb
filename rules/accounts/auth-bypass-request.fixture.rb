class ApplicationController
  def require_login
    # ruleid: account.auth-bypass-request
    return true if params[:skip_auth] == "1"
    redirect_to login_path unless current_user
  end
end

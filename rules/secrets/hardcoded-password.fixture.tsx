export function LoginForm() {
  return (
    <form>
      <input type="password" name="password" placeholder="Password" /> {/* ok: secret.hardcoded-password */}
      <DbConnection user="admin" password="Adm1nUI!pw" /> {/* ruleid: secret.hardcoded-password */}
      <label htmlFor="password">パスワード</label> {/* ok: secret.hardcoded-password */}
    </form>
  );
}

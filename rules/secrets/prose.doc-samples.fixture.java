package com.example.binding;

/**
 * Reads the service bindings the platform passes in and flattens them into properties. For example, a binding
 * of a database named "orders" becomes:
 *
 * <pre class="code">
 * services.orders.credentials.host: orders-db.internal.example.net
 * services.orders.credentials.username: svc_orders
 * ok: secret.password-in-prose
 * services.orders.credentials.password: Jt5wQz8mRk3Lv
 * </pre>
 *
 * The operators' console was set up by hand.
 * ruleid: secret.password-in-prose
 * Its admin password is Hq7tWz2nPx9Kd until the rotation job runs.
 *
 * <pre>
 * ruleid: secret.password-in-prose
 * console.password: Lm4vRx8qTz2Wn
 * </pre>
 */
public final class BindingProperties {

	/**
	 * Opens a session on the orders database.
	 * @example
	 * ok: secret.password-in-prose
	 * password = Zr6kWq3mTx8Lp
	 * @return the session
	 */
	public static Object client() {
		return null;
	}
}

/**
 * Users, roles, API tokens and how a request proves who it is (session login or bearer token).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package io.tidings.accounts;

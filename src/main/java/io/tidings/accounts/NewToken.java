package io.tidings.accounts;

/** The one moment the secret exists in clear: returned to whoever created it, then forgotten. */
public record NewToken(ApiToken token, String secret) {
}

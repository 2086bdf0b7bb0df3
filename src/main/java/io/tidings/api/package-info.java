/**
 * The JSON API under /api/v1: thin controllers over the modules' facades. Authentication and the
 * role rules per path live in accounts (SecurityConfig); errors become problem+json in platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "REST API")
package io.tidings.api;

/**
 * Runtime plumbing: where the database comes from (embedded PostgreSQL or TIDINGS_DB_URL),
 * the command line, and cross-cutting web concerns (problem+json errors).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.tidings.platform;

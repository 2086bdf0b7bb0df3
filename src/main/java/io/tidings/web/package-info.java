/** The server-rendered web UI (Thymeleaf + htmx); controllers call the other modules' APIs. */
@org.springframework.modulith.ApplicationModule(displayName = "Web UI")
package io.tidings.web;

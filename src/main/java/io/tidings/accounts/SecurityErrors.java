package io.tidings.accounts;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Security failures on the API answer in problem+json like every other API error. */
final class SecurityErrors {

    private SecurityErrors() {
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}

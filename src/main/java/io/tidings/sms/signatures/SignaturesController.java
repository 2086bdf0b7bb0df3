package io.tidings.sms.signatures;

import io.tidings.sms.Signature;
import io.tidings.sms.SignaturesApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Sender signatures over the API. Applying is for admins and marketers, reviewing for admins (SecurityConfig). */
@RestController
@RequestMapping("/api/v1/sms/signatures")
class SignaturesController {

    private final SignaturesApi signatures;

    SignaturesController(SignaturesApi signatures) {
        this.signatures = signatures;
    }

    record Application(String signature) {
    }

    record Rejection(String reason) {
    }

    @GetMapping
    List<Signature> list() {
        return signatures.signatures();
    }

    @GetMapping("/{id}")
    Signature one(@PathVariable long id) {
        return signatures.signature(id);
    }

    @PostMapping
    ResponseEntity<Signature> apply(@RequestBody Application application, Authentication who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(signatures.apply(application.signature(), who.getName()));
    }

    @PostMapping("/{id}/approve")
    Signature approve(@PathVariable long id, Authentication who) {
        return signatures.approve(id, who.getName());
    }

    @PostMapping("/{id}/reject")
    Signature reject(@PathVariable long id, @RequestBody Rejection rejection, Authentication who) {
        return signatures.reject(id, who.getName(), rejection.reason());
    }
}

package io.tidings.sms.providers;

import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsProviderChange;
import io.tidings.sms.SmsProvidersApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** SMS providers over the API; reading is for every role, writing for admins (SecurityConfig). Secrets are masked. */
@RestController
@RequestMapping("/api/v1/sms/providers")
class ProvidersController {

    private final SmsProvidersApi providers;

    ProvidersController(SmsProvidersApi providers) {
        this.providers = providers;
    }

    record NewProvider(String kind, String name, JsonNode config, Boolean enabled) {
    }

    @GetMapping
    List<SmsProvider> list() {
        return providers.list();
    }

    @GetMapping("/{id}")
    SmsProvider get(@PathVariable long id) {
        return providers.get(id);
    }

    @PostMapping
    ResponseEntity<SmsProvider> add(@RequestBody NewProvider request) {
        SmsProvider added = providers.add(request.kind(), request.name(), request.config(),
                request.enabled() == null || request.enabled());
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @PatchMapping("/{id}")
    SmsProvider update(@PathVariable long id, @RequestBody SmsProviderChange change) {
        return providers.update(id, change);
    }
}
